import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, heartbeats, monitors, subjectChannels } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { badInput } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import type { ServiceCtx, WorkspaceCtx } from "@/server/services/context";

type SubjectRef = { kind: SubjectKind; id: string; workspaceId: string };

const unknownChannel = (id: string) =>
  badInput(
    "channelIds",
    `channel_ids: Channels must be channels of this workspace; there is none with id ${id}`,
  );

/** Checks that every id is a channel of the workspace (else a 400 naming channel_ids). */
export async function assertChannelsOf(
  db: DbOrTx,
  workspaceId: string,
  channelIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(channelIds)];
  const bad = unique.find((id) => !isUuid(id));
  if (bad) throw unknownChannel(bad);
  if (unique.length === 0) return;
  const found = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, unique)));
  const missing = unique.find((id) => !found.some((f) => f.id === id));
  if (missing) throw unknownChannel(missing);
}

/**
 * Sets which channels a subject alerts: the given ids, or (on creation, `undefined`) the
 * workspace's channels marked default for new monitors and heartbeats. Applied as a diff in one
 * transaction (removed links deleted, missing ones inserted), so a flip committing meanwhile
 * always finds the channels kept, and concurrent edits never collide on the unique index.
 */
export async function setSubjectChannels(
  db: DbOrTx,
  subject: SubjectRef,
  channelIds: readonly string[] | undefined,
): Promise<void> {
  let ids: string[];
  if (channelIds === undefined) {
    const defaults = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.workspaceId, subject.workspaceId), eq(channels.isDefault, true)));
    ids = defaults.map((d) => d.id);
  } else {
    await assertChannelsOf(db, subject.workspaceId, channelIds);
    ids = [...new Set(channelIds)];
  }
  await db.transaction(async (tx) => {
    // One edit of a subject's channels at a time (two would deadlock on the unique index).
    const table = subject.kind === "monitor" ? monitors : heartbeats;
    await tx.select({ id: table.id }).from(table).where(eq(table.id, subject.id)).for("update");
    await tx
      .delete(subjectChannels)
      .where(
        and(
          eq(subjectChannels.subjectId, subject.id),
          ids.length > 0 ? notInArray(subjectChannels.channelId, ids) : undefined,
        ),
      );
    if (ids.length === 0) return;
    await tx
      .insert(subjectChannels)
      .values(
        ids.sort().map((channelId) => ({
          workspaceId: subject.workspaceId,
          channelId,
          subjectId: subject.id,
          monitorId: subject.kind === "monitor" ? subject.id : null,
          heartbeatId: subject.kind === "heartbeat" ? subject.id : null,
        })),
      )
      .onConflictDoNothing({ target: [subjectChannels.subjectId, subjectChannels.channelId] });
  });
}

/** Each subject's channel ids (for the API and the forms). */
export async function channelIdsOf({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { subjectIds: readonly string[] };
}): Promise<Map<string, string[]>> {
  const { subjectIds } = input;
  const map = new Map<string, string[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return map;
  const rows = await ctx.db
    .select({ subjectId: subjectChannels.subjectId, channelId: subjectChannels.channelId })
    .from(subjectChannels)
    .where(inArray(subjectChannels.subjectId, [...subjectIds]));
  for (const r of rows) map.get(r.subjectId)?.push(r.channelId);
  return map;
}

/** The channels one subject of the workspace alerts (empty for a subject that is not theirs). */
export async function listSubjectChannelIds({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { subjectId: string };
}): Promise<string[]> {
  if (!isUuid(input.subjectId)) return [];
  const rows = await ctx.db
    .select({ channelId: subjectChannels.channelId })
    .from(subjectChannels)
    .where(
      and(
        eq(subjectChannels.workspaceId, ctx.workspaceId),
        eq(subjectChannels.subjectId, input.subjectId),
      ),
    );
  return rows.map((r) => r.channelId);
}
