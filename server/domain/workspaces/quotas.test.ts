import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUOTAS,
  describeQuotas,
  quotaLimit,
  quotaReachedMessage,
} from "@/server/domain/workspaces/quotas";

describe("workspace quotas", () => {
  it.each([
    ["monitors", {}, 500],
    ["monitors", { monitors: 2000 }, 2000],
    ["heartbeats", { monitors: 2000 }, 1000],
    ["statusPages", { statusPages: 0 }, 0],
    ["channels", {}, 50],
  ] as const)("takes %s from %j, else the default", (kind, overrides, limit) => {
    expect(quotaLimit(kind, overrides, DEFAULT_QUOTAS)).toBe(limit);
  });

  it("names the limit and who can raise it", () => {
    expect(quotaReachedMessage("statusPages", 20)).toBe(
      "This workspace has reached its limit of 20 status pages. Ask the operator to raise it (npx vigil workspace:quota).",
    );
  });

  it("describes a workspace's own limits and the defaults", () => {
    expect(describeQuotas({ monitors: 900, channels: 5 })).toBe(
      "monitors 900, heartbeats default, status pages default, alert channels 5",
    );
  });
});
