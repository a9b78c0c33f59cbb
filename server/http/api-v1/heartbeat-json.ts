import { pingUrlFor } from "@/server/services/heartbeats/heartbeat-token";
import { systemClock, type ServiceCtx } from "@/server/services/context";
import type { getHeartbeat } from "@/server/services/heartbeats/find-heartbeat";
import type { listPings } from "@/server/services/heartbeats/list-heartbeats";
import { channelIdsOf } from "@/server/services/alerts/subject-channels";
import {
  heartbeatCreateBody,
  heartbeatUpdateBody,
  type HeartbeatJson,
  type PingJson,
} from "@/server/http/api-v1/schemas/heartbeats";
import { parseBody, toIso as iso } from "@/server/http/api-v1/schemas/shape";

type Heartbeat = Awaited<ReturnType<typeof getHeartbeat>>;
type PingRow = Awaited<ReturnType<typeof listPings>>[number];

/** The heartbeat as REST API v1 shows it (Tickstem-compatible snake_case). */
function heartbeatJson(h: Heartbeat, baseUrl: string, channelIds: string[]): HeartbeatJson {
  return {
    id: h.id,
    name: h.name,
    token: h.token,
    ping_url: pingUrlFor(baseUrl, h.token),
    interval_secs: h.intervalSecs,
    schedule: h.schedule,
    tz: h.tz,
    grace_secs: h.graceSecs,
    max_runtime_secs: h.maxRuntimeSecs,
    paused: h.status === "paused",
    channel_ids: channelIds,
    alert_on_down: h.alertOnDown,
    alert_on_recovery: h.alertOnRecovery,
    reminder_hours: h.reminderHours,
    status: h.status,
    consecutive_misses: h.consecutiveMisses,
    last_pinged_at: iso(h.lastPingedAt),
    last_success_at: iso(h.lastSuccessAt),
    next_expected_at: h.status === "paused" ? null : iso(h.deadline),
    running_since: iso(h.runningSince),
    last_duration_ms: h.lastDurationMs,
    created_at: h.createdAt.toISOString(),
    updated_at: h.updatedAt.toISOString(),
  };
}

/** Heartbeats as the API shows them, with the channels each alerts. */
export async function heartbeatsJson(db: ServiceCtx["db"], list: Heartbeat[], baseUrl: string) {
  const ids = await channelIdsOf({
    ctx: { db, now: systemClock },
    input: { subjectIds: list.map((h) => h.id) },
  });
  return list.map((h) => heartbeatJson(h, baseUrl, ids.get(h.id) ?? []));
}

export const oneHeartbeatJson = async (db: ServiceCtx["db"], h: Heartbeat, baseUrl: string) =>
  (await heartbeatsJson(db, [h], baseUrl))[0];

export function pingJson(p: PingRow): PingJson {
  return {
    id: p.id,
    heartbeat_id: p.heartbeatId,
    pinged_at: p.pingedAt.toISOString(),
    kind: p.kind,
    exit_status: p.exitStatus,
    rid: p.rid,
    body: p.body,
    truncated: p.truncated,
    source_ip: p.sourceIp,
    user_agent: p.userAgent,
    duration_ms: p.durationMs,
  };
}

export function parseCreateHeartbeat(body: unknown) {
  const input = parseBody(heartbeatCreateBody, body);
  return { ...input, intervalSecs: input.intervalSecs ?? null, schedule: input.schedule ?? null };
}

export const parseUpdateHeartbeat = (body: unknown) => parseBody(heartbeatUpdateBody, body);
