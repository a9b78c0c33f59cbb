import { systemClock, type ServiceCtx } from "@/server/services/context";
import type { getMonitor } from "@/server/services/monitors/find-monitor";
import { channelIdsOf } from "@/server/services/alerts/subject-channels";
import { conditionsToAssertions } from "@/server/domain/monitors/assertions";
import {
  monitorCreateBody,
  monitorUpdateBody,
  type CheckJson,
  type MonitorJson,
} from "@/server/http/api-v1/schemas/monitors";
import { parseBody, toIso } from "@/server/http/api-v1/schemas/shape";

type Monitor = Awaited<ReturnType<typeof getMonitor>>;

/** The monitor as REST API v1 shows it (Tickstem-compatible snake_case); typed by its schema. */
function monitorJson(m: Monitor, channelIds: string[]): MonitorJson {
  return {
    id: m.id,
    name: m.name,
    url: m.url,
    method: m.method,
    headers: m.headers,
    body: m.body,
    accepted_status_codes: m.acceptedStatusCodes,
    max_redirects: m.maxRedirects,
    timeout_secs: m.timeoutSecs,
    keyword: m.keyword,
    keyword_must_be_absent: m.keywordMustBeAbsent,
    degraded_after_ms: m.degradedAfterMs,
    interval_secs: m.intervalSecs,
    retry_interval_secs: m.retryIntervalSecs,
    confirmations: m.confirmations,
    assertions: conditionsToAssertions(m.conditions),
    paused: m.status === "paused",
    channel_ids: channelIds,
    alert_on_down: m.alertOnDown,
    alert_on_recovery: m.alertOnRecovery,
    reminder_hours: m.reminderHours,
    status: m.status,
    consecutive_failures: m.consecutiveFailures,
    last_checked_at: toIso(m.lastCheckedAt),
    last_response_ms: m.lastResponseMs,
    last_status_code: m.lastStatusCode,
    last_error: m.lastError,
    tls_cert_expires_at: toIso(m.tlsCertExpiresAt),
    ssl_expires_at: toIso(m.tlsCertExpiresAt),
    next_check_at: m.status === "paused" ? null : toIso(m.nextCheckAt),
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}

/** Monitors as the API shows them, with the channels each alerts. */
export async function monitorsJson(db: ServiceCtx["db"], list: Monitor[]) {
  const ids = await channelIdsOf({
    ctx: { db, now: systemClock },
    input: { subjectIds: list.map((m) => m.id) },
  });
  return list.map((m) => monitorJson(m, ids.get(m.id) ?? []));
}

export const oneMonitorJson = async (db: ServiceCtx["db"], m: Monitor) =>
  (await monitorsJson(db, [m]))[0];

export function checkJson(c: {
  id: string;
  monitorId: string;
  status: CheckJson["status"];
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  checkedAt: Date;
  tlsCertExpiresAt?: Date | null;
}): CheckJson {
  return {
    id: c.id,
    monitor_id: c.monitorId,
    status: c.status,
    status_code: c.statusCode,
    duration_ms: c.durationMs,
    error: c.error,
    ssl_expires_at: toIso(c.tlsCertExpiresAt ?? null),
    checked_at: c.checkedAt.toISOString(),
  };
}

export const parseCreateMonitor = (body: unknown) => parseBody(monitorCreateBody, body);

export const parseUpdateMonitor = (body: unknown) => parseBody(monitorUpdateBody, body);
