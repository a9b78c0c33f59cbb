import { userSessions } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

/** Records a sign-in; the session token names the returned id from then on. */
export async function startSession({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { userId: string; userAgent: string | null };
}): Promise<{ id: string }> {
  const [row] = await ctx.db
    .insert(userSessions)
    .values({
      userId: input.userId,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      createdAt: ctx.now(),
    })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("session row not inserted");
  return row;
}
