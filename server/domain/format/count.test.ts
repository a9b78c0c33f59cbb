import { describe, expect, it } from "vitest";
import { formatCount } from "@/server/domain/format/count";

describe("formatCount", () => {
  it.each([
    [0, "en-US", "0"],
    [1234, "en-US", "1,234"],
    [2.5, "en-US", "2.5"],
    [2.46, "en-US", "2.5"],
    [1234.5, "de-DE", "1.234,5"],
  ])("%d in %s reads %s", (n, locale, text) => expect(formatCount(n, locale)).toBe(text));

  it("reads English before the viewer's locale is known", () => {
    expect(formatCount(12_000)).toBe("12,000");
  });
});
