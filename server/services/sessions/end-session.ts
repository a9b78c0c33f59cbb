import { and, eq, isNull } from "drizzle-orm";
import { userSessions } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { announceSessionsEnded, isSessionId } from "@/server/services/sessions/end-user-sessions";

/** Signs one session out: its cookie, copied or not, stops working on every node. */
export async function endSession({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { sessionId: string };
}): Promise<void> {
  if (!isSessionId(input.sessionId)) return;
  const [row] = await ctx.db
    .update(userSessions)
    .set({ endedAt: ctx.now() })
    .where(and(eq(userSessions.id, input.sessionId), isNull(userSessions.endedAt)))
    .returning({ userId: userSessions.userId });
  if (row) announceSessionsEnded(row.userId, [input.sessionId]);
}
