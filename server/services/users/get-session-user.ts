import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

/**
 * The user behind a session token, or null when the account is gone or its password changed after
 * the session began (a password reset signs every older session out). Times are in ms. `authenticatedAt` is in ms.
 */
export async function getSessionUser({
  ctx,
  userId,
  authenticatedAt,
}: {
  ctx: ServiceCtx;
  userId: string;
  authenticatedAt: number;
}): Promise<{ id: string; email: string; name: string | null } | null> {
  const [user] = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
    .prepare("session_user")
    .execute();
  if (!user) return null;
  if (user.passwordChangedAt && user.passwordChangedAt.getTime() > authenticatedAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}
