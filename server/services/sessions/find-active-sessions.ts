import { and, inArray, isNull } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

/** Which of these sessions are still signed in. */
export async function findActiveSessions({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { sessionIds: string[] };
}): Promise<Set<string>> {
  if (input.sessionIds.length === 0) return new Set();
  const rows = await ctx.db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(inArray(userSessions.id, input.sessionIds), isNull(userSessions.endedAt)));
  return new Set(rows.map((r) => r.id));
}
