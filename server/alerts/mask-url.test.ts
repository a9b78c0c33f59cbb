import { describe, expect, it } from "vitest";
import { maskReceiverUrl } from "@/server/alerts/mask-url";

describe("maskReceiverUrl", () => {
  it.each([
    ["webhook", "https://hooks.example.com/vigil", "https://hooks.example.com/vigil"],
    ["webhook", "https://ops:hunter2@example.com/hook", "https://ops:***@example.com/hook"],
    [
      "webhook",
      "https://example.com/hook?token=s3cret&team=ops",
      "https://example.com/hook?token=***&team=***",
    ],
    [
      "slack",
      "https://hooks.slack.com/services/T0001/B0002/XXXXsecretXXXX",
      "https://hooks.slack.com/services/T0001/B0002/***",
    ],
    [
      "discord",
      "https://discord.com/api/webhooks/123456/abcDEFsecret",
      "https://discord.com/api/webhooks/123456/***",
    ],
    ["ntfy", "https://ntfy.sh/vigil-alerts-7f3a9", "https://ntfy.sh/***"],
    ["ntfy", "https://ntfy.example.com:8443/ops/", "https://ntfy.example.com:8443/***/"],
  ] as const)("%s %s", (kind, url, shown) => {
    expect(maskReceiverUrl(kind, url)).toBe(shown);
  });

  it("shows nothing of a URL it cannot parse, and null for none", () => {
    expect(maskReceiverUrl("webhook", "not a url s3cret")).toBe("***");
    expect(maskReceiverUrl("webhook", undefined)).toBeNull();
  });
});
