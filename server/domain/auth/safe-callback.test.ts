import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirectUrl } from "@/server/domain/auth/safe-callback";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard/monitors", "/dashboard/monitors"],
    ["/dashboard?tab=alerts#x", "/dashboard?tab=alerts#x"],
    ["/status/a%20b", "/status/a%20b"],
    [undefined, "/dashboard"],
    ["", "/dashboard"],
    [["/settings", "//evil.example"], "/settings"],
    ["https://evil.example/", "/dashboard"],
    ["http:/evil.example", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["\\\\evil.example", "/dashboard"],
    ["/\tevil", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["/\n/evil.example", "/dashboard"],
    ["/\r\n/evil.example", "/dashboard"],
    ["/%09/evil.example", "/dashboard"],
    ["/%0a/evil.example", "/dashboard"],
    ["/%2F%2Fevil.example", "/dashboard"],
    ["%2F%2Fevil.example", "/dashboard"],
    ["/%5Cevil.example", "/dashboard"],
    ["/%255Cevil.example", "/dashboard"],
    ["/%2f/evil.example", "/dashboard"],
    ["/dashboard\\..\\..\\evil", "/dashboard"],
    ["/%E0%A4%A", "/dashboard"],
    [" /dashboard", "/dashboard"],
  ])("%j → %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "https://vigil.example.org";
  it.each([
    ["/dashboard/monitors", `${base}/dashboard/monitors`],
    [`${base}/dashboard?x=1`, `${base}/dashboard?x=1`],
    [`${base}//evil.example`, `${base}/dashboard`],
    ["https://evil.example/dashboard", `${base}/dashboard`],
    ["https://vigil.example.org.evil.example/", `${base}/dashboard`],
    ["//evil.example", `${base}/dashboard`],
    ["/%09/evil.example", `${base}/dashboard`],
    ["javascript:alert(1)", `${base}/dashboard`],
  ])("%s → %s", (url, expected) => {
    expect(safeRedirectUrl(url, base)).toBe(expected);
  });
});
