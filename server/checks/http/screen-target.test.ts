import { describe, expect, it } from "vitest";
import { privateTargetReason, type LookupAll } from "@/server/checks/http/screen-target";

const resolvesTo =
  (...addresses: string[]): LookupAll =>
  async () =>
    addresses.map((address) => ({ address }));
const never: LookupAll = () => new Promise(() => {});
const fails: LookupAll = async () => {
  throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
};

describe("privateTargetReason", () => {
  it.each([
    ["http://127.0.0.1:8080/x", "127.0.0.1 is a loopback address"],
    ["http://[::1]:8080/", "::1 is a loopback address"],
    ["https://10.0.0.7/", "10.0.0.7 is a private address"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254 is a cloud metadata address"],
    ["http://[fe80::1]/", "fe80::1 is a link-local address"],
    ["http://localhost:3000/", "localhost is a loopback address"],
    ["http://LOCALHOST./", "localhost is a loopback address"],
    ["http://app.localhost/", "app.localhost is a loopback address"],
  ])("refuses %s without asking DNS", async (url, reason) => {
    expect(await privateTargetReason(url, { lookup: never })).toBe(reason);
  });

  it("refuses a name whose every address is private", async () => {
    expect(
      await privateTargetReason("https://internal.example/", {
        lookup: resolvesTo("10.1.1.1", "fd00::5"),
      }),
    ).toBe("internal.example resolves to 10.1.1.1, a private address");
  });

  it.each([
    ["a public address", resolvesTo("93.184.215.14")],
    ["a public and a private address", resolvesTo("10.1.1.1", "93.184.215.14")],
    ["no answer", fails],
    ["no answer in time", never],
  ])("lets a name with %s be saved", async (_what, lookup) => {
    expect(
      await privateTargetReason("https://status.example/", { lookup, timeoutMs: 50 }),
    ).toBeNull();
  });

  it("lets a public literal be saved", async () => {
    expect(await privateTargetReason("https://8.8.8.8/", { lookup: never })).toBeNull();
  });
});
