import { and, desc, eq, or, type SQL } from "drizzle-orm";
import { alertMessages, channels, type AlertMessage } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

export type AlertLogEntry = Omit<AlertMessage, "payload"> & {
  channelName: string;
  channelKind: string;
  text: string;
};

/** The delivery log, newest first: of one channel, of one subject, or of the whole workspace. */
export async function listAlertMessages({
  ctx,
  input: { channelId, subjectId, limit = 50 } = {},
}: {
  ctx: WorkspaceCtx;
  input?: { channelId?: string; subjectId?: string; limit?: number };
}): Promise<AlertLogEntry[]> {
  const filters: SQL[] = [eq(alertMessages.workspaceId, ctx.workspaceId)];
  if (channelId !== undefined) {
    if (!isUuid(channelId)) throw notFound("channel not found");
    filters.push(eq(alertMessages.channelId, channelId));
  }
  if (subjectId !== undefined) {
    if (!isUuid(subjectId)) throw notFound("not found");
    const bySubject = or(
      eq(alertMessages.monitorId, subjectId),
      eq(alertMessages.heartbeatId, subjectId),
    );
    if (bySubject) filters.push(bySubject);
  }
  const rows = await ctx.db
    .select({ message: alertMessages, channelName: channels.name, channelKind: channels.kind })
    .from(alertMessages)
    .innerJoin(channels, eq(channels.id, alertMessages.channelId))
    .where(and(...filters))
    .orderBy(desc(alertMessages.createdAt), desc(alertMessages.id))
    .limit(Math.min(Math.max(1, limit), 1000));
  return rows.map(({ message: { payload, ...m }, channelName, channelKind }) => ({
    ...m,
    channelName,
    channelKind,
    text: payload.text,
  }));
}
