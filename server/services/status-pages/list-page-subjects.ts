import { asc, eq } from "drizzle-orm";
import { heartbeats, monitors, statusPageItems, type StatusPage } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import { findStatusPage } from "@/server/services/status-pages/find-status-page";

export type PageSubject =
  | {
      kind: "monitor";
      id: string;
      name: string;
      status: MonitorStatus;
      hidden: boolean;
      position: number | null;
    }
  | {
      kind: "heartbeat";
      id: string;
      name: string;
      status: HeartbeatStatus;
      hidden: boolean;
      position: number | null;
    };

// localeCompare with a locale builds a collator per comparison.
const byName = new Intl.Collator("en", { sensitivity: "base" });

const byPosition = (a: PageSubject, b: PageSubject) =>
  (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
  byName.compare(a.name, b.name) ||
  a.id.localeCompare(b.id);

/**
 * Every monitor and heartbeat of the page's workspace with the page's override (hidden, position),
 * in page order: positioned subjects first, then by name. Hidden ones are included, flagged.
 */
export async function loadPageSubjects(
  db: DbOrTx,
  page: Pick<StatusPage, "id" | "workspaceId">,
): Promise<{ monitors: PageSubject[]; heartbeats: PageSubject[] }> {
  const rows = await loadPageSubjectRows(db, page);
  return {
    monitors: rows.monitors.map((r) => r.subject),
    heartbeats: rows.heartbeats.map((r) => r.subject),
  };
}

export type MonitorRow = { since: Date; createdAt: Date };
export type HeartbeatRow = {
  lastPingedAt: Date | null;
  deadline: Date | null;
  runningSince: Date | null;
};

/**
 * loadPageSubjects with what a visitor sees of each subject besides its state, in the same three
 * queries, so that the page's view need not read the monitors and heartbeats again.
 */
export async function loadPageSubjectRows(
  db: DbOrTx,
  page: Pick<StatusPage, "id" | "workspaceId">,
): Promise<{
  monitors: { subject: PageSubject; row: MonitorRow }[];
  heartbeats: { subject: PageSubject; row: HeartbeatRow }[];
}> {
  const [ms, hs, items] = await Promise.all([
    db
      .select({
        id: monitors.id,
        name: monitors.name,
        status: monitors.status,
        since: monitors.statusChangedAt,
        createdAt: monitors.createdAt,
      })
      .from(monitors)
      .where(eq(monitors.workspaceId, page.workspaceId))
      .orderBy(asc(monitors.name))
      .prepare("page_monitors")
      .execute(),
    db
      .select({
        id: heartbeats.id,
        name: heartbeats.name,
        status: heartbeats.status,
        lastPingedAt: heartbeats.lastPingedAt,
        deadline: heartbeats.deadline,
        runningSince: heartbeats.runningSince,
      })
      .from(heartbeats)
      .where(eq(heartbeats.workspaceId, page.workspaceId))
      .orderBy(asc(heartbeats.name))
      .prepare("page_heartbeats")
      .execute(),
    db
      .select()
      .from(statusPageItems)
      .where(eq(statusPageItems.statusPageId, page.id))
      .prepare("page_items")
      .execute(),
  ]);
  const override = new Map(items.map((i) => [(i.monitorId ?? i.heartbeatId) as string, i]));
  const settings = (id: string) => ({
    hidden: override.get(id)?.hidden ?? false,
    position: override.get(id)?.position ?? null,
  });
  const inOrder = <T extends { subject: PageSubject }>(a: T, b: T) =>
    byPosition(a.subject, b.subject);
  return {
    monitors: ms
      .map(({ since, createdAt, ...m }) => ({
        subject: {
          kind: "monitor" as const,
          ...m,
          status: m.status as MonitorStatus,
          ...settings(m.id),
        },
        row: { since, createdAt },
      }))
      .sort(inOrder),
    heartbeats: hs
      .map(({ lastPingedAt, deadline, runningSince, ...h }) => ({
        subject: {
          kind: "heartbeat" as const,
          ...h,
          status: h.status as HeartbeatStatus,
          ...settings(h.id),
        },
        row: { lastPingedAt, deadline, runningSince },
      }))
      .sort(inOrder),
  };
}

/** The page's subjects for its editor in the dashboard. */
export async function listPageSubjects({
  ctx,
  input: { statusPageId },
}: {
  ctx: WorkspaceCtx;
  input: { statusPageId: string };
}): Promise<{ monitors: PageSubject[]; heartbeats: PageSubject[] }> {
  const page = await findStatusPage(ctx.db, ctx.workspaceId, statusPageId);
  return loadPageSubjects(ctx.db, page);
}
