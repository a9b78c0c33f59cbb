import { describe, expect, it } from "vitest";
import { createBodyScanner, maxBodyBytes } from "@/server/checks/http/create-body-scanner";

describe("createBodyScanner", () => {
  it("stops at exactly 1 MiB however large the chunks are", () => {
    const scanner = createBodyScanner(null);
    const chunk = Buffer.alloc(300_000, "a");
    const done = [1, 2, 3, 4].map(() => scanner.push(chunk));
    expect(done).toEqual([false, false, false, true]);
    expect(scanner.result()).toEqual({
      bytesRead: maxBodyBytes,
      isTruncated: true,
      hasKeyword: null,
    });
  });

  it("finds a keyword split across chunks", () => {
    const scanner = createBodyScanner("needle");
    expect(scanner.push(Buffer.from("hay hay nee"))).toBe(false);
    expect(scanner.push(Buffer.from("d"))).toBe(false);
    expect(scanner.push(Buffer.from("le hay"))).toBe(true);
    expect(scanner.result()).toMatchObject({ hasKeyword: true, isTruncated: false });
  });

  it("finds a multi-byte UTF-8 keyword split inside a character", () => {
    const bytes = Buffer.from("prefix → café ✓ suffix", "utf8");
    const scanner = createBodyScanner("café ✓");
    const split = bytes.indexOf(Buffer.from("✓")) + 1;
    scanner.push(bytes.subarray(0, split));
    scanner.push(bytes.subarray(split));
    expect(scanner.result().hasKeyword).toBe(true);
  });

  it("matches case-sensitively", () => {
    const scanner = createBodyScanner("OK");
    scanner.push(Buffer.from("status: ok"));
    expect(scanner.result().hasKeyword).toBe(false);
  });

  it("ignores a keyword that only appears after the first 1 MiB", () => {
    const scanner = createBodyScanner("needle");
    scanner.push(Buffer.alloc(maxBodyBytes - 3, "a"));
    expect(scanner.push(Buffer.from("needle"))).toBe(true);
    expect(scanner.result()).toEqual({
      bytesRead: maxBodyBytes,
      isTruncated: true,
      hasKeyword: false,
    });
  });

  it("finds every watched substring and keeps only the start of the body", () => {
    const scanner = createBodyScanner(null, { needles: ["needle", "pin"], headBytes: 4 });
    expect(scanner.push(Buffer.from("hay nee"))).toBe(false);
    expect(scanner.push(Buffer.from("dle hay p"))).toBe(false);
    expect(scanner.push(Buffer.from("in"))).toBe(true);
    const seen = scanner.result().seen;
    expect(seen).toMatchObject({ head: "hay n", headIsWhole: false, isTruncated: false });
    expect([seen?.contains("needle"), seen?.contains("pin"), seen?.contains("hay")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("reads on past a found keyword while a watched substring or the head is still missing", () => {
    const scanner = createBodyScanner("OK", { needles: ["up"], headBytes: 0 });
    expect(scanner.push(Buffer.from("OK"))).toBe(false);
    expect(scanner.push(Buffer.from(" up"))).toBe(true);
    expect(scanner.result()).toMatchObject({ hasKeyword: true, seen: { headIsWhole: false } });
  });

  it("says the head is the whole body when the body is no longer than asked", () => {
    const scanner = createBodyScanner(null, { needles: [], headBytes: 5 });
    scanner.push(Buffer.from("42\n"));
    expect(scanner.result().seen).toMatchObject({ head: "42\n", headIsWhole: true });
  });
});
