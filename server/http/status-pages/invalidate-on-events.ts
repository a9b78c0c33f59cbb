import { getEventBus, type EventBus } from "@/server/events/bus";
import type { PublicPageCache } from "@/server/http/status-pages/page-cache";
import type { PageDirectory } from "@/server/http/status-pages/page-directory";
import {
  SOFT_CHANGE_MS,
  type PageInvalidation,
} from "@/server/domain/status-pages/page-invalidation";

/** Applies invalidations to one node's directory and cache, whichever node the change came from. */
export class PageInvalidator {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly cache: PublicPageCache,
    private readonly directory: PageDirectory,
    /** Expires Next's ISR copies too, so a page made private leaves no copy even on disk. */
    private readonly expireIsr: (slugs: string[]) => Promise<void> = async () => {},
  ) {}

  apply(invalidation: PageInvalidation): void {
    if ("slugs" in invalidation) {
      for (const slug of invalidation.slugs) {
        this.directory.forget(slug);
        this.cache.invalidateSlug(slug);
      }
      this.expireIsr(invalidation.slugs).catch(() => {});
    } else if (invalidation.soft) this.soon(invalidation.workspaceId);
    else this.cache.invalidateWorkspace(invalidation.workspaceId);
  }

  /** Drops every copy this node holds, for when it may have missed invalidations. */
  dropAll(): void {
    this.directory.clear();
    this.cache.clear();
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private soon(workspaceId: string): void {
    if (this.pending.has(workspaceId)) return;
    this.pending.set(
      workspaceId,
      setTimeout(() => {
        this.pending.delete(workspaceId);
        this.cache.invalidateWorkspace(workspaceId);
      }, SOFT_CHANGE_MS),
    );
  }
}

/**
 * Drops cached status pages on the events that change them. Flips and page settings act
 * synchronously inside the emitting call, so the request after a commit never sees the old copy.
 */
export function invalidateOnEvents(
  invalidator: PageInvalidator,
  bus: EventBus = getEventBus(),
): () => void {
  const soft = ({ workspaceId }: { workspaceId: string }) =>
    invalidator.apply({ workspaceId, soft: true });
  const offs = [
    bus.on("flip", ({ workspaceId }) => invalidator.apply({ workspaceId, soft: false })),
    bus.on("page-content.changed", ({ workspaceId }) =>
      invalidator.apply({ workspaceId, soft: false }),
    ),
    bus.on("status-page.changed", ({ slugs }) => invalidator.apply({ slugs })),
    bus.on("monitor.changed", soft),
    bus.on("heartbeat.changed", soft),
    bus.on("heartbeat.pinged", soft),
  ];
  return () => {
    offs.forEach((off) => off());
    invalidator.stop();
  };
}
