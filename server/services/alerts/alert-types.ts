import type { AlertMessage, Channel } from "@/db/schema";
import type { DeliveryDeps } from "@/server/alerts/channel-kind";
import type { PrivateTargetPolicy } from "@/server/domain/instance/access-policy";

/** `allowPrivateTargets` is the instance-wide floor; `deliveryDepsFor` adds a workspace's grant. */
export type AlertDeps = DeliveryDeps & { baseUrl: string; privateTargets: PrivateTargetPolicy };

export type LaneLease = { id: string; token: string };

export type LaneOutcome = {
  sent: "delivered" | "retrying" | "failed" | null;
  /** When the lane must be looked at again (a retry, the end of a folding window), or null. */
  nextAt: Date | null;
};

/** A message to (re)send now on a leased lane. */
type Work = { lease: LaneLease; message: AlertMessage; channel: Channel };

export type Picked = {
  works: Work[];
  /** Lanes with nothing to send now, already freed (idle, a retry not due, a folding window). */
  settled: LaneOutcome[];
  /** Lanes a committing flip holds locked right now: work them one by one, waiting for it. */
  skipped: LaneLease[];
};

/** One finished send: null error means the receiver took it. */
export type Attempt = Work & { error: string | null; at: Date };
