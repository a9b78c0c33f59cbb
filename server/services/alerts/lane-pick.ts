import type { alertLanes, Channel } from "@/db/schema";
import type { LaneLease, LaneOutcome, Picked } from "@/server/services/alerts/alert-types";

/** A lane locked and leased for this pick, with its channel. */
export type LaneRow = { lane: typeof alertLanes.$inferSelect; channel: Channel };

/** Where a channel sends to, and why it may not send at all. */
export type Targets = {
  targetOf: (channel: Channel) => Channel;
  blockedOf: (channel: Channel) => string | null;
};

/** What a pick has decided so far: the sends to start, and the lanes to free at commit. */
export type PickResult = Picked & { releases: { lease: LaneLease; dueAt: Date | null }[] };

export function freeLane(
  result: PickResult,
  lease: LaneLease,
  dueAt: Date | null,
  sent: LaneOutcome["sent"] = null,
): void {
  result.releases.push({ lease, dueAt });
  result.settled.push({ sent, nextAt: dueAt });
}

export const leaseOf = (row: LaneRow): LaneLease => ({
  id: row.lane.id,
  token: row.lane.leaseToken ?? "",
});
