import { describe, expect, it } from "vitest";
import { channelChanges } from "@/components/alerts/channel-input";
import { parseHeaderLines } from "@/components/ui/header-lines";

const form = (over: Partial<Parameters<typeof channelChanges>[1]> = {}) => ({
  name: "ops",
  url: "",
  to: "",
  headers: "",
  dropHeaders: false,
  ...over,
});

describe("channelChanges", () => {
  it.each([
    ["a rename keeps URL and headers", "webhook", form(), { name: "ops" }],
    [
      "a new URL is sent trimmed",
      "slack",
      form({ url: " https://hooks.slack.com/services/a/b/c " }),
      { name: "ops", url: "https://hooks.slack.com/services/a/b/c" },
    ],
    [
      "header lines replace them all",
      "webhook",
      form({ headers: "X-Team: ops\n\nAuthorization: Bearer t" }),
      { name: "ops", headers: { "X-Team": "ops", Authorization: "Bearer t" } },
    ],
    [
      "the remove box with no lines clears them",
      "webhook",
      form({ dropHeaders: true }),
      { name: "ops", headers: {} },
    ],
    [
      "lines win over the remove box",
      "webhook",
      form({ headers: "X-A: 1", dropHeaders: true }),
      { name: "ops", headers: { "X-A": "1" } },
    ],
    [
      "only webhooks take headers",
      "ntfy",
      form({ headers: "X-A: 1", dropHeaders: true }),
      { name: "ops" },
    ],
    [
      "email sends its recipients, never a URL",
      "email",
      form({ to: "a@example.com", url: "https://x.example" }),
      { name: "ops", to: "a@example.com" },
    ],
  ] as const)("%s", (_name, kind, input, changes) => {
    expect(channelChanges(kind, input)).toEqual({ changes });
  });

  it("refuses the masked URL the page shows, and headers that are not Name: value", () => {
    expect(
      channelChanges("discord", form({ url: "https://discord.com/api/webhooks/1/***" })),
    ).toMatchObject({ error: { url: expect.stringContaining("whole URL") } });
    expect(channelChanges("webhook", form({ headers: "no colon" }))).toEqual({
      error: { headers: '"no colon" is not "Name: value".' },
    });
    expect(parseHeaderLines(":x")).toBe('":x" is not "Name: value".');
  });
});
