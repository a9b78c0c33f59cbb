import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Actor, ServiceCtx } from "@/server/services/context";
import { hashPassword, passwordWeakness, verifyPassword } from "@/server/services/auth/password";
import { badInput, ServiceError } from "@/server/services/errors";
import type { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import {
  announceSessionsEnded,
  assertCurrentSession,
  endUserSessions,
} from "@/server/services/sessions/end-user-sessions";

export type ChangePasswordInput = {
  currentSessionId: string | undefined;
  /** Guesses of the current password count against the same limits as sign-in attempts. */
  limits: { limiter: SignInLimiter; email: string; clientIp: string };
  currentPassword: string;
  newPassword: string;
};

/** A signed-in user's own password change: this session stays, every other one ends. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: ServiceCtx & { actor: Actor };
  input: ChangePasswordInput;
}): Promise<{ endedSessions: number }> {
  const userId = ctx.actor.userId;
  const current = await assertCurrentSession(ctx.db, {
    userId,
    sessionId: input.currentSessionId,
  });
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user?.passwordHash)
    throw badInput("currentPassword", "This account has no password: it signs in with GitHub.");
  const { limiter, email, clientIp } = input.limits;
  const verdict = await limiter.attempt(email, clientIp);
  if (verdict.blocked)
    throw new ServiceError(
      "RATE_LIMITED",
      `Too many wrong passwords. Try again in ${Math.ceil(verdict.retryAfterSecs / 60)} min.`,
      { retryAfterSecs: verdict.retryAfterSecs },
    );
  if (
    input.currentPassword.length > 1024 ||
    !(await verifyPassword(user.passwordHash, input.currentPassword))
  )
    throw badInput("currentPassword", "The current password is not right.");
  await limiter.succeeded(email, clientIp);
  const weakness = passwordWeakness(input.newPassword);
  if (weakness) throw badInput("newPassword", weakness.replace(/^password/, "The new password"));
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  const ended = await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where(eq(users.id, userId));
    return endUserSessions(tx, { userId, exceptId: current, now });
  });
  announceSessionsEnded(userId, ended);
  return { endedSessions: ended.length };
}
