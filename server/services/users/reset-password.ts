import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { assertStrongPassword, hashPassword } from "@/server/services/auth/password";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";
import { normaliseEmail } from "@/server/services/users/email";
import { notFound } from "@/server/services/errors";
import { getEventBus } from "@/server/events/bus";

/** Sets a new password; sessions issued before the change stop working (see passwordChangedAt). */
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
  if (!user) throw notFound(`no user with email ${email}`);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  await ctx.db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, user.id));
  getEventBus().emit("user.sessions-revoked", { userId: user.id });
  return { userId: user.id };
}
