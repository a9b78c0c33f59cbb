export const quotaKinds = ["monitors", "heartbeats", "statusPages", "channels"] as const;
export type QuotaKind = (typeof quotaKinds)[number];

/** How many of each a workspace may have: the instance defaults, or one workspace's limits. */
export type QuotaLimits = Record<QuotaKind, number>;

/** A workspace's own limits (stored in `workspaces.quotas`); a missing kind takes the default. */
export type QuotaOverrides = Partial<QuotaLimits>;

export const DEFAULT_QUOTAS: QuotaLimits = {
  monitors: 500,
  heartbeats: 1000,
  statusPages: 20,
  channels: 50,
};

const WORDS: Record<QuotaKind, string> = {
  monitors: "monitors",
  heartbeats: "heartbeats",
  statusPages: "status pages",
  channels: "alert channels",
};

/** The limit that applies to a workspace: its own override, else the instance default. */
export function quotaLimit(kind: QuotaKind, overrides: QuotaOverrides, defaults: QuotaLimits) {
  return overrides[kind] ?? defaults[kind];
}

/** The refusal a member reads when the workspace is full. */
export function quotaReachedMessage(kind: QuotaKind, limit: number): string {
  return `This workspace has reached its limit of ${limit} ${WORDS[kind]}. Ask the operator to raise it (npx vigil workspace:quota).`;
}

/** One line for the operator: each limit and whether it is the workspace's own or the default. */
export function describeQuotas(overrides: QuotaOverrides): string {
  return quotaKinds.map((kind) => `${WORDS[kind]} ${overrides[kind] ?? "default"}`).join(", ");
}
