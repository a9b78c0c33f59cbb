import type { Logger } from "pino";
import type { Config } from "@/server/config";
import type { Runtime } from "@/server/runtime";
import type { VigilDatabase } from "@/server/bootstrap/open-vigil-database";
import { handleStatusPage } from "@/server/http/status-pages/status-page-handler";
import type { StatusPageDeps } from "@/server/http/status-pages/status-page-deps";
import { revalidateIsr } from "@/server/http/status-pages/fill-page";
import { PublicPageCache } from "@/server/http/status-pages/page-cache";
import { PageDirectory } from "@/server/http/status-pages/page-directory";
import {
  invalidateOnEvents,
  PageInvalidator,
} from "@/server/http/status-pages/invalidate-on-events";
import { relayStatusPages } from "@/server/realtime/relay-status-pages";
import { invalidateAcrossNodes } from "@/server/realtime/cross-node-invalidation";
import type { HttpStage } from "@/server/startup/http-server";
import type { NextStage } from "@/server/startup/next-app";
import type { RealtimeStage } from "@/server/startup/realtime";

export type StatusPagesStage = { stop: () => Promise<void> };

/**
 * Public status pages are answered from memory (a copy of Next's ISR output), dropped by the same
 * events that make Next revalidate, on every node; private pages never enter it.
 */
export function startStatusPages(deps: {
  config: Config;
  database: VigilDatabase;
  runtime: Runtime;
  next: NextStage;
  http: HttpStage;
  realtime: RealtimeStage;
  logger: Logger;
}): StatusPagesStage {
  const { config, database, runtime, http, realtime, logger } = deps;
  const cache = new PublicPageCache();
  const directory = new PageDirectory(database.db, {
    onChanged: (slug) => cache.invalidateSlug(slug),
  });
  const pages: StatusPageDeps = {
    db: database.db,
    authSecret: runtime.authSecret,
    internalToken: runtime.internalToken ?? "",
    baseUrl: config.baseUrl,
    cache,
    directory,
    next: deps.next.handle,
    origin: http.origin,
    revalidateId: deps.next.revalidateId,
    logger,
  };
  const invalidator = new PageInvalidator(cache, directory, (slugs) => revalidateIsr(pages, slugs));
  const stopInvalidation = invalidateOnEvents(invalidator);
  http.serveBefore((req, res) => handleStatusPage(req, res, pages));
  // Notifications may have been missed: render every page again rather than trust a copy.
  realtime.onConnectionLost(() => invalidator.dropAll());
  const stopRelay = relayStatusPages(realtime.io, {
    db: database.db,
    logger,
    clustered: realtime.clustered,
  });
  const stopCrossNode = realtime.clustered
    ? invalidateAcrossNodes(realtime.io, (change) => invalidator.apply(change), logger)
    : () => {};
  return {
    stop: async () => {
      stopCrossNode();
      stopRelay();
      stopInvalidation();
    },
  };
}
