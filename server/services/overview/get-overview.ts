import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { flips, heartbeats, incidents, monitors, type PingRow } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import {
  compareProblems,
  perMinute,
  problemSeverity,
  type ProblemSeverity,
} from "@/server/domain/overview/overview-problems";
import {
  countActivity,
  recentChecks,
  recentPings,
  type SparkCheck,
} from "@/server/services/overview/overview-activity";

const PACE_WINDOW_MINS = 5;
const RECENT_FLIPS = 20;
const OPEN_INCIDENTS = 50;

type TileBase = {
  id: string;
  name: string;
  /** When it last changed state (its last flip). */
  since: Date;
  severity: ProblemSeverity | null;
};

export type OverviewTile =
  | (TileBase & {
      kind: "monitor";
      state: MonitorStatus;
      lastError: string | null;
      responseMs: number | null;
      checks: SparkCheck[];
    })
  | (TileBase & {
      kind: "heartbeat";
      state: HeartbeatStatus;
      lastPingAt: Date | null;
      pings: PingRow["kind"][];
    });

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/**
 * Everything the overview shows, for the actor's workspace: what is wrong first (outages, then
 * warnings, oldest first), open incidents, every subject with its recent checks or pings, the last
 * flips and the pace of checks and pings. A fixed number of statements, whatever the subject count.
 */
export async function getOverview({ ctx }: { ctx: WorkspaceCtx }) {
  const { db, workspaceId } = ctx;
  const now = ctx.now();
  const [monitorRows, heartbeatRows, checks, pingKinds, open, recent, activity] = await Promise.all(
    [
      db
        .select()
        .from(monitors)
        .where(eq(monitors.workspaceId, workspaceId))
        .orderBy(asc(monitors.name), asc(monitors.id)),
      db
        .select()
        .from(heartbeats)
        .where(eq(heartbeats.workspaceId, workspaceId))
        .orderBy(asc(heartbeats.name), asc(heartbeats.id)),
      recentChecks(db, workspaceId),
      recentPings(db, workspaceId),
      db
        .select()
        .from(incidents)
        .where(and(eq(incidents.workspaceId, workspaceId), isNull(incidents.resolvedAt)))
        .orderBy(desc(incidents.startedAt))
        .limit(OPEN_INCIDENTS),
      db
        .select()
        .from(flips)
        .where(eq(flips.workspaceId, workspaceId))
        .orderBy(desc(flips.at), desc(flips.seq))
        .limit(RECENT_FLIPS),
      countActivity(db, workspaceId, new Date(now.getTime() - PACE_WINDOW_MINS * 60_000)),
    ],
  );
  const tiles: OverviewTile[] = [
    ...monitorRows.map((m) => ({
      kind: "monitor" as const,
      id: m.id,
      name: m.name,
      state: m.status,
      since: m.statusChangedAt,
      severity: problemSeverity({ kind: "monitor", state: m.status }),
      lastError: m.lastError,
      responseMs: m.lastResponseMs,
      checks: checks.get(m.id) ?? [],
    })),
    ...heartbeatRows.map((h) => ({
      kind: "heartbeat" as const,
      id: h.id,
      name: h.name,
      state: h.status,
      since: h.statusChangedAt,
      severity: problemSeverity({ kind: "heartbeat", state: h.status }),
      lastPingAt: h.lastPingedAt,
      pings: pingKinds.get(h.id) ?? [],
    })),
  ];
  const names = new Map(tiles.map((t) => [`${t.kind}:${t.id}`, t.name]));
  const nameOf = (kind: string, id: string | null) => names.get(`${kind}:${id ?? ""}`) ?? "";
  return {
    counts: {
      monitors: monitorRows.length,
      heartbeats: heartbeatRows.length,
      paused: tiles.filter((t) => t.state === "paused").length,
    },
    problems: tiles.filter((t) => t.severity !== null).sort(compareProblems),
    tiles,
    openIncidents: open.map((i) => {
      // A manual incident (written by a person) has a title and no single subject.
      const subjectId = i.monitorId ?? i.heartbeatId;
      return {
        id: i.id,
        title: i.title,
        subjectKind: i.subjectKind,
        subjectId,
        subjectName: i.subjectKind ? nameOf(i.subjectKind, subjectId) : null,
        cause: i.cause,
        startedAt: i.startedAt,
      };
    }),
    flips: recent.map((f) => {
      const subjectId = (f.subjectKind === "monitor" ? f.monitorId : f.heartbeatId) ?? "";
      return {
        id: f.id,
        subjectKind: f.subjectKind,
        subjectId,
        subjectName: nameOf(f.subjectKind, subjectId),
        from: f.fromStatus,
        to: f.toStatus,
        reason: f.reason,
        at: f.at,
      };
    }),
    pace: {
      windowMins: PACE_WINDOW_MINS,
      checks: activity.checks,
      pings: activity.pings,
      checksPerMin: perMinute(activity.checks, PACE_WINDOW_MINS),
      pingsPerMin: perMinute(activity.pings, PACE_WINDOW_MINS),
    },
  };
}
