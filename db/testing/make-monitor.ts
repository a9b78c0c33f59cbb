import type { Monitor } from "@/db/schema";
import type { PolicyCtx, ServicePolicy, WorkspaceCtx } from "@/server/services/context";
import { createMonitor, type NewMonitorSettings } from "@/server/services/monitors/create-monitor";
import { DEFAULT_QUOTAS } from "@/server/domain/workspaces/quotas";

/** The policy for tests that aim monitors at loopback targets but are not about the policy. */
export const anyTarget = { privateTargets: "all" } as const;

/** The workspace's context under the operator's policy: any target and default quotas unless given. */
export const withPolicy = (ctx: WorkspaceCtx, policy: Partial<ServicePolicy> = {}): PolicyCtx => ({
  ...ctx,
  policy: { privateTargets: "all", quotas: DEFAULT_QUOTAS, ...ctx.policy, ...policy },
});

/** An HTTP monitor created through the real service: 60 s interval, 20 s retry, 2 s timeout. */
export function makeMonitor(
  ctx: WorkspaceCtx,
  url: string,
  overrides: Partial<NewMonitorSettings> = {},
): Promise<Monitor> {
  return createMonitor({
    ctx: withPolicy(ctx, anyTarget),
    input: {
      name: "Test monitor",
      url,
      method: "GET",
      headers: {},
      body: null,
      acceptedStatusCodes: ["200-399"],
      maxRedirects: 0,
      keyword: null,
      keywordMustBeAbsent: false,
      degradedAfterMs: null,
      intervalSecs: 60,
      retryIntervalSecs: 20,
      timeoutSecs: 2,
      confirmations: 2,
      paused: false,
      ...overrides,
    },
  });
}
