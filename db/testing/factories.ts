import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { systemClock, type WorkspaceCtx } from "@/server/services/context";
import { createUser } from "@/server/services/users/create-user";

export const TEST_PASSWORD = "Correct-Horse-9";

export const uniqueEmail = (label = "user") =>
  `${label}-${randomBytes(5).toString("hex")}@example.com`;

/** A user with a personal workspace, created through the real sign-up service. */
export async function makeUser(
  db: Db,
  overrides: { email?: string; password?: string; name?: string } = {},
) {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? TEST_PASSWORD;
  const created = await createUser({
    ctx: { db, now: systemClock },
    input: { email, password, name: overrides.name },
  });
  return { ...created, email, password };
}

/** A user's workspace whose services read time from a clock the test moves by hand. */
export async function workspaceWithClock(db: Db) {
  const { user, workspace } = await makeUser(db);
  let at = Math.floor(Date.now() / 1000) * 1000;
  const start = new Date(at);
  const ctx: WorkspaceCtx = {
    db,
    now: () => new Date(at),
    actor: { userId: user.id },
    workspaceId: workspace.id,
  };
  const advance = (secs: number) => {
    at += secs * 1000;
  };
  return { ctx, advance, start };
}
