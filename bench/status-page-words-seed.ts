import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import {
  flips,
  incidentSubjects,
  incidentUpdates,
  incidents,
  maintenanceSubjects,
  maintenanceUpdates,
  maintenanceWindows,
  maintenances,
  monitors,
} from "@/db/schema";
import type { Db } from "@/db/client";
import type { IncidentStatus, SubjectImpact } from "@/server/domain/incidents/incident-rules";
import { cronOf } from "@/server/domain/maintenance/maintenance-window";

const DAY = 86_400_000;
const MIN = 60_000;
const UPDATES = 5;
const AUTOMATIC_UPDATED = 138;
const MANUAL = 60;
const MANUAL_OPEN = 4;
const IMPACTS: SubjectImpact[] = ["degraded_performance", "partial_outage", "major_outage"];
const RESOLVING: IncidentStatus[] = ["investigating", "identified", "monitoring", "monitoring"];

type Subjects = { monitorIds: string[]; heartbeatIds: string[] };

const message = (n: number, status: string) =>
  `Update ${n} (${status}): we are looking at elevated error rates for some customers.\n` +
  `Requests from the EU region time out after 30 s; the US region is not affected.\n` +
  `Follow along at https://example.com/incidents/${n} — next update within 30 minutes.`;

/**
 * What people wrote on the bench page: 200 incidents with 5 updates each (updates on the most
 * recent automatic ones, two of them still open; manual ones over the 90 days, a few open) and two
 * weekly maintenance windows with the windows that ran. No window runs while the bench does.
 */
export async function seedPageWords(
  db: Db,
  workspaceId: string,
  subjects: Subjects,
  now: Date,
  start: Date,
) {
  const open = await openAutomaticIncidents(
    db,
    workspaceId,
    subjects.monitorIds.slice(40, 42),
    now,
  );
  const auto = await db
    .select({ id: incidents.id, startedAt: incidents.startedAt, resolvedAt: incidents.resolvedAt })
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), isNotNull(incidents.resolvedAt)))
    .orderBy(desc(incidents.startedAt))
    .limit(AUTOMATIC_UPDATED);
  const updates: (typeof incidentUpdates.$inferInsert)[] = [];
  for (const inc of [...open, ...auto]) {
    const resolved = inc.resolvedAt !== null;
    for (let u = 0; u < UPDATES; u++) {
      const status = resolved && u === UPDATES - 1 ? "resolved" : RESOLVING[u % 4]!;
      updates.push({
        incidentId: inc.id,
        workspaceId,
        status,
        body: message(updates.length, status),
        createdAt: new Date(inc.startedAt.getTime() + (u + 1) * MIN),
      });
    }
  }
  await db
    .update(incidents)
    .set({
      status: "resolved",
      postmortem: "The pool ran dry; it is larger now and alerts at 80%.",
    })
    .where(sql`${incidents.id} = any(${sql.param(auto.map((a) => a.id))}::uuid[])`);
  const manual = await db
    .insert(incidents)
    .values(
      Array.from({ length: MANUAL }, (_, i) => {
        const isOpen = i < MANUAL_OPEN;
        const startedAt = isOpen
          ? new Date(now.getTime() - (i + 1) * 45 * MIN)
          : new Date(now.getTime() - (1 + (i * 88) / MANUAL) * DAY);
        return {
          workspaceId,
          automatic: false,
          title: `Payments slow for some EU customers (${i + 1})`,
          status: (isOpen ? "identified" : "resolved") as IncidentStatus,
          startedAt,
          resolvedAt: isOpen ? null : new Date(startedAt.getTime() + 3 * 3_600_000),
        };
      }),
    )
    .returning({
      id: incidents.id,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    });
  const affected: (typeof incidentSubjects.$inferInsert)[] = [];
  manual.forEach((inc, i) => {
    for (let k = 0; k < 1 + (i % 3); k++)
      affected.push({
        incidentId: inc.id,
        workspaceId,
        subjectKind: "monitor",
        monitorId: subjects.monitorIds[(i * 7 + k) % subjects.monitorIds.length]!,
        impact: IMPACTS[(i + k) % 3]!,
      });
    if (i % 5 === 0)
      affected.push({
        incidentId: inc.id,
        workspaceId,
        subjectKind: "heartbeat",
        heartbeatId: subjects.heartbeatIds[i % subjects.heartbeatIds.length]!,
        impact: "partial_outage",
      });
    const resolved = inc.resolvedAt !== null;
    for (let u = 0; u < UPDATES; u++) {
      const status = resolved && u === UPDATES - 1 ? "resolved" : RESOLVING[u % 4]!;
      updates.push({
        incidentId: inc.id,
        workspaceId,
        status,
        body: message(updates.length, status),
        createdAt: new Date(inc.startedAt.getTime() + u * 7 * MIN),
      });
    }
  });
  await db.insert(incidentSubjects).values(affected);
  await db.insert(incidentUpdates).values(updates);
  await seedMaintenance(db, workspaceId, subjects, now, start);
  return {
    incidents: open.length + auto.length + manual.length,
    updates: updates.length,
    /** An open manual incident, for posting updates on. */
    openIncidentId: manual[0]!.id,
  };
}

/** Two services down since 40 minutes ago by their checks, with their open incidents. */
async function openAutomaticIncidents(db: Db, workspaceId: string, ids: string[], now: Date) {
  const at = new Date(now.getTime() - 40 * MIN);
  const down = await db
    .insert(flips)
    .values(
      ids.map((monitorId) => ({
        workspaceId,
        subjectKind: "monitor" as const,
        monitorId,
        fromStatus: "up",
        toStatus: "down",
        reason: "HTTP 503 Service Unavailable",
        at,
      })),
    )
    .returning({ id: flips.id, monitorId: flips.monitorId });
  await db
    .update(monitors)
    .set({ status: "down", statusChangedAt: at })
    .where(sql`${monitors.id} = any(${sql.param(ids)}::uuid[])`);
  return db
    .insert(incidents)
    .values(
      down.map((f) => ({
        workspaceId,
        subjectKind: "monitor" as const,
        monitorId: f.monitorId,
        openedByFlipId: f.id,
        cause: "HTTP 503 Service Unavailable",
        status: "identified" as const,
        startedAt: at,
      })),
    )
    .returning({
      id: incidents.id,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
    });
}

/**
 * Weekly windows, one in UTC over the payments services and one at 02:00 Berlin time over other
 * services and some jobs, created with the history; each occurrence that ran has its row.
 */
async function seedMaintenance(
  db: Db,
  workspaceId: string,
  { monitorIds, heartbeatIds }: Subjects,
  now: Date,
  start: Date,
) {
  const weekday = (t: number, tz: string) =>
    ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(
      new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: tz }).format(t),
    );
  const plans = [
    {
      title: "Weekly payments database upkeep",
      schedule: `0 ${now.getUTCHours()} * * ${weekday(now.getTime() + 3 * DAY, "UTC")}`,
      tz: "UTC",
      durationSecs: 3600,
      monitors: monitorIds.filter((_, i) => i % 5 === 2),
      heartbeats: [] as string[],
    },
    {
      title: "Weekly network maintenance",
      schedule: `0 2 * * ${weekday(now.getTime() + 5 * DAY, "Europe/Berlin")}`,
      tz: "Europe/Berlin",
      durationSecs: 7200,
      monitors: monitorIds.filter((_, i) => i % 5 === 4).slice(0, 5),
      heartbeats: heartbeatIds.slice(0, 3),
    },
  ];
  const rows = await db
    .insert(maintenances)
    .values(
      plans.map((p) => ({
        workspaceId,
        title: p.title,
        body: "Short interruptions are possible; requests are retried.\nDetails: https://example.com/maintenance",
        schedule: p.schedule,
        durationSecs: p.durationSecs,
        tz: p.tz,
        createdAt: start,
        updatedAt: start,
      })),
    )
    .returning();
  const subjectRows: (typeof maintenanceSubjects.$inferInsert)[] = [];
  const windowRows: (typeof maintenanceWindows.$inferInsert)[] = [];
  const updateRows: (typeof maintenanceUpdates.$inferInsert)[] = [];
  rows.forEach((m, i) => {
    const plan = plans[i]!;
    for (const monitorId of plan.monitors)
      subjectRows.push({ maintenanceId: m.id, workspaceId, subjectKind: "monitor", monitorId });
    for (const heartbeatId of plan.heartbeats)
      subjectRows.push({ maintenanceId: m.id, workspaceId, subjectKind: "heartbeat", heartbeatId });
    const cron = cronOf(plan.schedule, plan.tz);
    for (let fire = cron.nextRun(start); fire && fire < now; fire = cron.nextRun(fire)) {
      const endsAt = new Date(fire.getTime() + plan.durationSecs * 1000);
      if (endsAt <= now)
        windowRows.push({ maintenanceId: m.id, workspaceId, startsAt: fire, endsAt });
    }
    for (const [k, status] of (["scheduled", "scheduled"] as const).entries())
      updateRows.push({
        maintenanceId: m.id,
        workspaceId,
        status,
        body: `Maintenance note ${k + 1}: the window may end early; we post here when it does.`,
        createdAt: new Date(start.getTime() + k * DAY),
      });
  });
  await db.insert(maintenanceSubjects).values(subjectRows);
  await db.insert(maintenanceWindows).values(windowRows);
  await db.insert(maintenanceUpdates).values(updateRows);
}
