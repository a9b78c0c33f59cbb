import type { DbOrTx } from "@/db/client";

export type Clock = () => Date;

export type Actor = { userId: string };

/** What every service receives: the database (or a transaction), a clock and, when known, who acts. */
export type ServiceCtx = {
  db: DbOrTx;
  now: Clock;
  actor?: Actor;
};

/** The context of a signed-in member acting inside one workspace. */
export type WorkspaceCtx = ServiceCtx & { actor: Actor; workspaceId: string };

export const systemClock: Clock = () => new Date();
