import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import type { Logger } from "pino";
import type { Config } from "@/server/config";
import { readRevalidateId } from "@/server/http/status-pages/next-internals";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
export type NextStage = {
  handle: NextHandler;
  /** The build's on-demand revalidation id (see StatusPageDeps.revalidateId). */
  revalidateId: string | undefined;
  stop: () => Promise<void>;
};

/** Next's request handler; a request it fails is logged and answered with a bare 500. */
export async function startNext(deps: { config: Config; logger: Logger }): Promise<NextStage> {
  const { config, logger } = deps;
  const app = next({
    dev: config.isDev,
    dir: projectRoot,
    hostname: config.host,
    port: config.port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handle: (req, res) =>
      handle(req, res).catch((err: unknown) => {
        logger.error({ err, url: req.url }, "request failed");
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end('{"error":"internal error"}');
      }),
    revalidateId: config.isDev ? undefined : readRevalidateId(projectRoot),
    stop: async () => {},
  };
}
