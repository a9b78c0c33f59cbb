import type { Logger } from "pino";
import type { DbHandle } from "@/server/services/context";
import { getEventBus, type EventBus } from "@/server/events/bus";
import type { VigilIo } from "@/server/realtime/create-io";
import { statusPageRoom } from "@/server/realtime/status-page-messages";
import {
  heartbeatComponentStatus,
  monitorComponentStatus,
} from "@/server/domain/status-pages/page-status";
import type { MonitorStatus } from "@/server/domain/monitors/monitor-state";
import type { HeartbeatStatus } from "@/server/domain/heartbeats/heartbeat-state";
import { listPagesShowing } from "@/server/services/status-pages/list-pages-showing";
import { listWorkspaceStatusPages } from "@/server/services/status-pages/find-status-page";
import { findStatusPageById } from "@/server/services/status-pages/find-status-page";
import { workspaceRoom } from "@/server/realtime/rooms";

// Pings change "last ping" only: viewers refetch at most this often per workspace, a little after
// the cached copies were dropped for the same pings (SOFT_CHANGE_MS in page-invalidation.ts).
const PING_REFRESH_MS = 6_000;

/**
 * Status page viewers: a flip goes to every page that shows the subject the moment it is
 * committed; what people wrote (incidents, announcements, maintenance) and other changes ask
 * viewers to refetch; a page that became private or was deleted
 * drops every viewer who may no longer see it.
 */
export function relayStatusPages(
  io: VigilIo,
  /** `clustered`: other nodes share the rooms through the cluster adapter (PostgreSQL). */
  deps: { db: DbHandle; logger: Logger; bus?: EventBus; clustered?: boolean },
): () => void {
  const bus = deps.bus ?? getEventBus();
  // The notice and the leave as two cluster broadcasts can arrive in either order on another node
  // (each is its own NOTIFY), and a viewer who left first never hears it is gone. So each node
  // applies both to its own sockets, from one message.
  const evict = ({
    statusPageId,
    workspaceId,
  }: {
    statusPageId: string;
    workspaceId: string | null;
  }) => {
    const room = statusPageRoom(statusPageId);
    const here = workspaceId
      ? io.local.in(room).except(workspaceRoom(workspaceId))
      : io.local.in(room);
    here.emit("status:gone", { statusPageId });
    here.socketsLeave(room);
  };
  io.on("status-page:evict", evict);
  const pending = new Map<string, NodeJS.Timeout>();
  const fail = (what: string) => (err: unknown) => deps.logger.warn({ err }, what);

  const refreshWorkspace = (workspaceId: string) => {
    if (pending.has(workspaceId)) return;
    pending.set(
      workspaceId,
      setTimeout(() => {
        pending.delete(workspaceId);
        listWorkspaceStatusPages({ ctx: { db: deps.db }, input: { workspaceId } })
          .then((pages) => {
            for (const page of pages)
              io.to(statusPageRoom(page.id)).emit("status:changed", { statusPageId: page.id });
          })
          .catch(fail("status page refresh failed"));
      }, PING_REFRESH_MS),
    );
  };

  const offs = [
    bus.on("flip", (flip) => {
      const status =
        flip.subjectKind === "monitor"
          ? monitorComponentStatus(flip.to as MonitorStatus)
          : heartbeatComponentStatus(flip.to as HeartbeatStatus);
      listPagesShowing({
        ctx: { db: deps.db },
        input: { workspaceId: flip.workspaceId, kind: flip.subjectKind, id: flip.subjectId },
      })
        .then((pages) => {
          for (const page of pages) {
            // Anyone still in a private page's room who is not a member leaves before it hears more.
            if (page.visibility === "private")
              io.in(statusPageRoom(page.id))
                .except(workspaceRoom(flip.workspaceId))
                .socketsLeave(statusPageRoom(page.id));
            const room = io.to(statusPageRoom(page.id));
            // A monitor's first result puts it on the page: viewers fetch the new row.
            if (status === null) room.emit("status:changed", { statusPageId: page.id });
            else
              room.emit("status:flip", {
                statusPageId: page.id,
                flipId: flip.flipId,
                subjectKind: flip.subjectKind,
                subjectId: flip.subjectId,
                status,
                state: flip.to,
                at: flip.at.toISOString(),
              });
          }
        })
        .catch(fail("status page flip relay failed"));
    }),
    bus.on("page-content.changed", ({ workspaceId }) => {
      listWorkspaceStatusPages({ ctx: { db: deps.db }, input: { workspaceId } })
        .then((pages) => {
          for (const page of pages) {
            const room = statusPageRoom(page.id);
            // A private page's room keeps only members before it hears what people wrote.
            if (page.visibility === "private")
              io.in(room).except(workspaceRoom(workspaceId)).socketsLeave(room);
            io.to(room).emit("status:changed", { statusPageId: page.id });
          }
        })
        .catch(fail("status page content relay failed"));
    }),
    bus.on("heartbeat.pinged", ({ workspaceId }) => refreshWorkspace(workspaceId)),
    bus.on("heartbeat.changed", ({ workspaceId }) => refreshWorkspace(workspaceId)),
    bus.on("status-page.changed", ({ statusPageId }) => {
      const room = statusPageRoom(statusPageId);
      findStatusPageById({ ctx: { db: deps.db }, input: { statusPageId } })
        .then((page) => {
          // Deleted, or private now: every viewer who may not see it is told and leaves at once,
          // on every node (no per-viewer query), before anything else reaches the room.
          const eviction = page
            ? page.visibility === "private"
              ? { statusPageId, workspaceId: page.workspaceId }
              : null
            : { statusPageId, workspaceId: null };
          if (eviction) {
            evict(eviction);
            // One process (PGlite, no cluster adapter) has no other nodes to tell.
            if (deps.clustered) io.serverSideEmit("status-page:evict", eviction);
          }
          if (page) io.to(room).emit("status:changed", { statusPageId, slug: page.slug });
        })
        .catch(fail("status page change relay failed"));
    }),
  ];
  return () => {
    io.off("status-page:evict", evict);
    offs.forEach((off) => off());
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
