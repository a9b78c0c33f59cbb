import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { assertStrongPassword, hashPassword } from "@/server/services/auth/password";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";
import { normaliseEmail, noUserWithEmail } from "@/server/services/users/email";
import { getEventBus } from "@/server/events/bus";
import {
  announceSessionsEnded,
  endUserSessions,
  notifySessionsEnded,
} from "@/server/services/sessions/end-user-sessions";

/** An operator sets a new password; every session of the user ends, sockets included. */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { email: string; password: string };
}): Promise<{ userId: string }> {
  const email = normaliseEmail(input.email);
  assertStrongPassword(input.password);
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw noUserWithEmail(email);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const ended = await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, user.id));
    // The CLI on PostgreSQL runs apart from every server: they learn of it from this notice.
    await notifySessionsEnded(tx, user.id);
    return endUserSessions(tx, { userId: user.id, now });
  });
  getEventBus().emit("user.sessions-revoked", { userId: user.id });
  announceSessionsEnded(user.id, ended);
  return { userId: user.id };
}
