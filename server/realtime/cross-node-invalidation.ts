import type { Logger } from "pino";
import { getEventBus, type EventBus } from "@/server/events/bus";
import type { VigilIo } from "@/server/realtime/create-io";
import {
  SOFT_CHANGE_MS,
  type PageInvalidation,
} from "@/server/domain/status-pages/page-invalidation";

/**
 * Carries status page invalidations to the other nodes of the cluster (serverSideEmit over the
 * Postgres adapter) and applies theirs on this one. A page change waits for every node's
 * acknowledgement, so its caller returns only once no node still holds the old copy; flips go out
 * without waiting; soft changes at most once per workspace per SOFT_CHANGE_MS.
 */
export function invalidateAcrossNodes(
  io: VigilIo,
  apply: (invalidation: PageInvalidation) => void,
  logger: Logger,
  bus: EventBus = getEventBus(),
): () => void {
  const onPage = (invalidation: PageInvalidation, ack: (done: true) => void) => {
    try {
      apply(invalidation);
    } finally {
      ack(true);
    }
  };
  io.on("status-page:invalidate", onPage);
  io.on("status-page:invalidate-workspace", apply);

  const quiet = new Map<string, NodeJS.Timeout>();
  const soft = ({ workspaceId }: { workspaceId: string }) => {
    if (quiet.has(workspaceId)) return;
    // Leading edge: the receiver waits SOFT_CHANGE_MS itself, covering changes until then.
    quiet.set(
      workspaceId,
      setTimeout(() => quiet.delete(workspaceId), SOFT_CHANGE_MS),
    );
    io.serverSideEmit("status-page:invalidate-workspace", { workspaceId, soft: true });
  };

  const offs = [
    bus.on("status-page.changed", ({ slugs }) =>
      io.serverSideEmitWithAck("status-page:invalidate", { slugs }).catch((err: unknown) =>
        // A node that did not answer re-checks its directory entry within seconds (PageDirectory).
        logger.warn({ err, slugs }, "a node did not confirm dropping a status page"),
      ),
    ),
    bus.on("flip", ({ workspaceId }) => {
      io.serverSideEmit("status-page:invalidate-workspace", { workspaceId, soft: false });
    }),
    bus.on("page-content.changed", ({ workspaceId }) => {
      io.serverSideEmit("status-page:invalidate-workspace", { workspaceId, soft: false });
    }),
    bus.on("monitor.changed", soft),
    bus.on("heartbeat.changed", soft),
    bus.on("heartbeat.pinged", soft),
  ];
  return () => {
    offs.forEach((off) => off());
    io.off("status-page:invalidate", onPage);
    io.off("status-page:invalidate-workspace", apply);
    for (const timer of quiet.values()) clearTimeout(timer);
  };
}
