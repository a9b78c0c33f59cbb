import { getEventBus } from "@/server/events/bus";
import type { PublicPageCache } from "@/server/http/status-pages/page-cache";
import type { PageDirectory } from "@/server/http/status-pages/page-directory";

// Changes that are not flips (a ping's time, a rename) reach cached copies within this delay.
const SOFT_CHANGE_MS = 5_000;

/**
 * Drops cached status pages on the events that change them. Flips and page settings act
 * synchronously inside the emitting call, so the request after a commit never sees the old copy.
 */
export function invalidateOnEvents(cache: PublicPageCache, directory: PageDirectory): () => void {
  const bus = getEventBus();
  const pending = new Map<string, NodeJS.Timeout>();
  const soon = (workspaceId: string) => {
    if (pending.has(workspaceId)) return;
    pending.set(
      workspaceId,
      setTimeout(() => {
        pending.delete(workspaceId);
        cache.invalidateWorkspace(workspaceId);
      }, SOFT_CHANGE_MS),
    );
  };
  const offs = [
    bus.on("flip", ({ workspaceId }) => cache.invalidateWorkspace(workspaceId)),
    bus.on("status-page.changed", ({ slugs }) => {
      for (const slug of slugs) {
        directory.forget(slug);
        cache.invalidateSlug(slug);
      }
    }),
    bus.on("monitor.changed", ({ workspaceId }) => soon(workspaceId)),
    bus.on("heartbeat.changed", ({ workspaceId }) => soon(workspaceId)),
    bus.on("heartbeat.pinged", ({ workspaceId }) => soon(workspaceId)),
  ];
  return () => {
    offs.forEach((off) => off());
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
