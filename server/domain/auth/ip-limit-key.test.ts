import { describe, expect, it } from "vitest";
import { ipLimitKey } from "@/server/domain/auth/ip-limit-key";

describe("ipLimitKey", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["::FFFF:1.2.3.4", "1.2.3.4"],
    ["::ffff:cb00:7109", "203.0.113.9"],
    ["2001:db8::1", "2001:db8::/64"],
    ["2001:0db8:0:0::2", "2001:db8::/64"],
    ["2001:DB8:0000:0000:ffff:ffff:ffff:ffff", "2001:db8::/64"],
    ["2001:db8:0:1::1", "2001:db8:0:1::/64"],
    ["2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:bbbb:cccc:dddd:eeee", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80::/64"],
    ["::1", "::/64"],
    ["::", "::/64"],
    ["unknown", "unknown"],
    ["", "unknown"],
  ])("%s → %s", (ip, expected) => {
    expect(ipLimitKey(ip)).toBe(expected);
  });

  it("puts compressed and full spellings of one /64 under one key, and its neighbour apart", () => {
    expect(ipLimitKey("2001:db8::1")).toBe(ipLimitKey("2001:0db8:0:0::2"));
    expect(ipLimitKey("2001:db8::1")).not.toBe(ipLimitKey("2001:db8:0:1::1"));
  });
});
