import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { DbHandle } from "@/server/services/context";
import type { PublicPageCache } from "@/server/http/status-pages/page-cache";
import type { PageDirectory } from "@/server/http/status-pages/page-directory";

export type StatusPageDeps = {
  db: DbHandle;
  authSecret: string;
  internalToken: string;
  baseUrl: string;
  cache: PublicPageCache;
  directory: PageDirectory;
  /** Next's request handler. */
  next: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** This server's own loopback origin, for filling the cache from Next's ISR output. */
  origin: () => string;
  /**
   * Next's on-demand revalidation id (the build's previewModeId). With it, a fill asks Next to
   * render the page afresh and keep the result in one request; without it (development, tests
   * with a stand-in for Next), the fill expires the ISR copy through the loopback route first.
   */
  revalidateId?: string;
  logger: Logger;
};
