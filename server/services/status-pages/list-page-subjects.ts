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
  const [ms, hs, items] = await Promise.all([
    db
      .select({ id: monitors.id, name: monitors.name, status: monitors.status })
      .from(monitors)
      .where(eq(monitors.workspaceId, page.workspaceId))
      .orderBy(asc(monitors.name)),
    db
      .select({ id: heartbeats.id, name: heartbeats.name, status: heartbeats.status })
      .from(heartbeats)
      .where(eq(heartbeats.workspaceId, page.workspaceId))
      .orderBy(asc(heartbeats.name)),
    db.select().from(statusPageItems).where(eq(statusPageItems.statusPageId, page.id)),
  ]);
  const override = new Map(items.map((i) => [(i.monitorId ?? i.heartbeatId) as string, i]));
  const settings = (id: string) => ({
    hidden: override.get(id)?.hidden ?? false,
    position: override.get(id)?.position ?? null,
  });
  return {
    monitors: ms
      .map((m): PageSubject => ({
        kind: "monitor",
        ...m,
        status: m.status as MonitorStatus,
        ...settings(m.id),
      }))
      .sort(byPosition),
    heartbeats: hs
      .map((h): PageSubject => ({
        kind: "heartbeat",
        ...h,
        status: h.status as HeartbeatStatus,
        ...settings(h.id),
      }))
      .sort(byPosition),
  };
}

/** The page's subjects for its editor in the dashboard. */
export async function listPageSubjects({
  ctx,
  statusPageId,
}: {
  ctx: WorkspaceCtx;
  statusPageId: string;
}): Promise<{ monitors: PageSubject[]; heartbeats: PageSubject[] }> {
  const page = await findStatusPage(ctx.db, ctx.workspaceId, statusPageId);
  return loadPageSubjects(ctx.db, page);
}
