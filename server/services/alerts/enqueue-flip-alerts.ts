import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  alertDeliveries,
  alertLanes,
  channels,
  heartbeats,
  monitors,
  subjectChannels,
} from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { FOLD_WINDOW_MS, alertKindOf } from "@/server/domain/alerts/alert-policy";
import { holdForMaintenance } from "@/server/services/maintenances/hold-alerts";

export type RecordedFlip = {
  id: string;
  workspaceId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  from: string;
  to: string;
  at: Date;
};

/**
 * The outbox: inside the flip's own transaction, one delivery per enabled channel of the subject
 * (when its settings alert this kind of flip), and its lane marked due. Committed with the flip or
 * not at all, so a crash after commit still delivers and a rolled-back flip alerts no one.
 * Inside a maintenance window of the subject the flip is held back instead, until the window
 * ends (`releasing`: it ended, and this flip goes out now).
 */
export async function enqueueFlipAlerts(
  tx: Tx,
  flip: RecordedFlip,
  endsOutage: boolean,
  { releasing = false }: { releasing?: boolean } = {},
): Promise<void> {
  const kind = alertKindOf(flip.subjectKind, flip, endsOutage);
  if (!kind) return;
  if (!releasing && (await holdForMaintenance(tx, flip))) return;
  const subjects = flip.subjectKind === "monitor" ? monitors : heartbeats;
  const wanted = kind === "down" ? subjects.alertOnDown : subjects.alertOnRecovery;
  const at = flip.at.toISOString();
  const monitorId = flip.subjectKind === "monitor" ? flip.subjectId : null;
  const heartbeatId = flip.subjectKind === "heartbeat" ? flip.subjectId : null;
  await tx.execute(sql`
    with targets as (
      select ${subjectChannels.channelId} as channel_id
      from ${subjectChannels}
      join ${channels} on ${channels.id} = ${subjectChannels.channelId} and ${channels.enabled}
      join ${subjects} on ${subjects.id} = ${subjectChannels.subjectId} and ${wanted}
      where ${subjectChannels.subjectId} = ${flip.subjectId}
    ), lanes as (
      insert into ${alertLanes} as l (workspace_id, channel_id, subject_kind, subject_id, monitor_id, heartbeat_id, due_at)
      select ${flip.workspaceId}, channel_id, ${flip.subjectKind}, ${flip.subjectId}, ${monitorId}::uuid, ${heartbeatId}::uuid, ${at}::timestamptz
      from targets
      on conflict (subject_id, channel_id) do update set due_at = least(l.due_at,
        greatest(excluded.due_at, l.last_sent_at + make_interval(secs => ${FOLD_WINDOW_MS / 1000})))
      returning id, channel_id
    )
    insert into ${alertDeliveries} (workspace_id, flip_id, channel_id, lane_id, created_at)
    select ${flip.workspaceId}, ${flip.id}, channel_id, id, ${at}::timestamptz from lanes
    on conflict do nothing`);
}
