import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, subjectChannels } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { badInput } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";

type SubjectRef = { kind: SubjectKind; id: string; workspaceId: string };

/** Checks that every id is a channel of the workspace (else a 400 naming channel_ids). */
export async function assertChannelsOf(
  db: DbOrTx,
  workspaceId: string,
  channelIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(channelIds)];
  const bad = unique.find((id) => !isUuid(id));
  if (bad) throw badInput("channelIds", `channel_ids: unknown channel ${bad}`);
  if (unique.length === 0) return;
  const found = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, unique)));
  const missing = unique.find((id) => !found.some((f) => f.id === id));
  if (missing) throw badInput("channelIds", `channel_ids: unknown channel ${missing}`);
}

/**
 * Sets which channels a subject alerts: the given ids, or (on creation, `undefined`) the
 * workspace's channels marked default for new monitors and heartbeats.
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
  await db.delete(subjectChannels).where(eq(subjectChannels.subjectId, subject.id));
  if (ids.length === 0) return;
  await db.insert(subjectChannels).values(
    ids.map((channelId) => ({
      workspaceId: subject.workspaceId,
      channelId,
      subjectId: subject.id,
      monitorId: subject.kind === "monitor" ? subject.id : null,
      heartbeatId: subject.kind === "heartbeat" ? subject.id : null,
    })),
  );
}

/** Each subject's channel ids (for the API and the forms). */
export async function channelIdsOf(
  db: DbOrTx,
  subjectIds: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return map;
  const rows = await db
    .select({ subjectId: subjectChannels.subjectId, channelId: subjectChannels.channelId })
    .from(subjectChannels)
    .where(inArray(subjectChannels.subjectId, [...subjectIds]));
  for (const r of rows) map.get(r.subjectId)?.push(r.channelId);
  return map;
}

/** The channels one subject of the workspace alerts (empty for a subject that is not theirs). */
export async function listSubjectChannelIds(
  db: DbOrTx,
  workspaceId: string,
  subjectId: string,
): Promise<string[]> {
  if (!isUuid(subjectId)) return [];
  const rows = await db
    .select({ channelId: subjectChannels.channelId })
    .from(subjectChannels)
    .where(
      and(eq(subjectChannels.workspaceId, workspaceId), eq(subjectChannels.subjectId, subjectId)),
    );
  return rows.map((r) => r.channelId);
}
