import type { ServiceCtx, Actor } from "@/server/services/context";
import {
  announceSessionsEnded,
  assertCurrentSession,
  endUserSessions,
} from "@/server/services/sessions/end-user-sessions";

/** "Sign out everywhere else": every session of the actor but the current one ends. */
export async function endOtherSessions({
  ctx,
  input,
}: {
  ctx: ServiceCtx & { actor: Actor };
  input: { currentSessionId: string | undefined };
}): Promise<{ ended: number }> {
  const userId = ctx.actor.userId;
  const ended = await ctx.db.transaction(async (tx) => {
    const current = await assertCurrentSession(tx, { userId, sessionId: input.currentSessionId });
    return endUserSessions(tx, { userId, exceptId: current, now: ctx.now() });
  });
  announceSessionsEnded(userId, ended);
  return { ended: ended.length };
}
