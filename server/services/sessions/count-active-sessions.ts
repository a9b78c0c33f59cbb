import { and, count, eq, isNull } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import type { Actor, ServiceCtx } from "@/server/services/context";

/** How many browsers are signed in as the actor, this one included. */
export async function countActiveSessions({
  ctx,
}: {
  ctx: ServiceCtx & { actor: Actor };
}): Promise<{ active: number }> {
  const [row] = await ctx.db
    .select({ active: count() })
    .from(userSessions)
    .where(and(eq(userSessions.userId, ctx.actor.userId), isNull(userSessions.endedAt)));
  return { active: row?.active ?? 0 };
}
