import type http from "node:http";

export const API_BODY_LIMIT_BYTES = 1024 * 1024;

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;
type Options = { limitBytes: number; appliesTo: (req: http.IncomingMessage) => boolean };

/** Every path under /api/: REST v1, next-auth, tRPC, Inngest and the internal routes. */
export const isApiRequest = (req: http.IncomingMessage) => (req.url ?? "").startsWith("/api/");

const describeLimit = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;

function refuse(req: http.IncomingMessage, res: http.ServerResponse, limitBytes: number): void {
  // Whatever is still reading the body gets an aborted stream; its late writes must not throw.
  res.on("error", () => {});
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  const body = JSON.stringify({
    error: `request body too large (limit ${describeLimit(limitBytes)})`,
  });
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  // The rest of the body is never read: the connection closes once the answer is out.
  res.end(body, () => req.socket.destroy());
}

function declaredTooLarge(req: http.IncomingMessage, limitBytes: number): boolean {
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > limitBytes;
}

/** Counts body bytes as the parser hands them over, without reading the stream itself. */
function countWhileStreaming(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limitBytes: number,
): void {
  let seen = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      seen += Buffer.isBuffer(chunk) ? chunk.length : Buffer.byteLength(String(chunk));
      if (seen > limitBytes) {
        req.push = () => false;
        refuse(req, res, limitBytes);
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/**
 * Wraps a request listener so that bodies over the limit are refused with 413 before the listener
 * (or anything it calls) reads them: at once by Content-Length, or as soon as a chunked body passes
 * the limit. Also answers `Expect: 100-continue` only for bodies that may be sent.
 */
export function serveWithBodyLimit(
  server: http.Server,
  listener: Listener,
  options: Options,
): void {
  const guarded = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    expectsContinue: boolean,
  ) => {
    if (options.appliesTo(req)) {
      if (declaredTooLarge(req, options.limitBytes)) return refuse(req, res, options.limitBytes);
      countWhileStreaming(req, res, options.limitBytes);
    }
    if (expectsContinue) res.writeContinue();
    listener(req, res);
  };
  server.on("request", (req, res) => guarded(req, res, false));
  server.on("checkContinue", (req, res) => guarded(req, res, true));
}
