import type { Db, DbOrTx } from "@/db/client";
import type { PrivateTargetPolicy } from "@/server/domain/instance/access-policy";
import type { QuotaLimits } from "@/server/domain/workspaces/quotas";
import type { AlertDeps } from "@/server/services/alerts/alert-types";

export type Clock = () => Date;

/** The database an adapter is handed at start-up and passes on in `ctx`; queries stay in services. */
export type DbHandle = Db;

export type Actor = { userId: string };

/**
 * The operator's rules (config) that services apply, filled in once by the adapter that builds the
 * context, so that no service reads the runtime and no call site passes them along.
 */
export type ServicePolicy = {
  /** Which workspaces may save and check targets on private addresses. */
  privateTargets: PrivateTargetPolicy;
  /** The instance's default workspace limits; a workspace's own override wins. */
  quotas: QuotaLimits;
};

/** What every service receives: the database (or a transaction), a clock and, when known, who acts. */
export type ServiceCtx = {
  db: DbOrTx;
  now: Clock;
  actor?: Actor;
  /** Absent (tests, benchmarks): the default quotas; services that screen targets require it. */
  policy?: ServicePolicy;
  /** How channels send (config: SMTP, timeouts, the base URL for links); absent: nothing is mailed. */
  alerts?: AlertDeps;
};

/** The context of a signed-in member acting inside one workspace. */
export type WorkspaceCtx = ServiceCtx & { actor: Actor; workspaceId: string };

/** A workspace context whose adapter filled in the operator's policy. */
export type PolicyCtx = WorkspaceCtx & { policy: ServicePolicy };

/** A workspace context whose adapter filled in how channels send. */
export type SendingCtx = WorkspaceCtx & { alerts: AlertDeps };

export const systemClock: Clock = () => new Date();
