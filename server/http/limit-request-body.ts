import type http from "node:http";

export const API_BODY_LIMIT_BYTES = 1024 * 1024;

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;
type Options = { limitBytes: number; appliesTo: (req: http.IncomingMessage) => boolean };

/**
 * Every path under /api/: REST v1, next-auth, tRPC, Inngest and the internal routes. The path is
 * resolved as Next resolves it before routing (dot-segments, encoded or not, and backslashes), and an
 * absolute-form target ("POST http://host/api/… HTTP/1.1") reaches the same routes.
 */
export function isApiRequest(req: http.IncomingMessage): boolean {
  try {
    return new URL(req.url ?? "/", "http://vigil.invalid").pathname.startsWith("/api/");
  } catch {
    return true;
  }
}

const describeLimit = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;

// After the 413 the connection stays open a moment, discarding what still arrives, so that a client
// busy sending reads the answer instead of a reset; then it is closed.
const LINGER_MS = 1000;
const LINGER_BYTES = 4 * 1024 * 1024;

function refuse(req: http.IncomingMessage, res: http.ServerResponse, limitBytes: number): void {
  // Whatever is still reading the body gets an aborted stream; its late writes must not throw.
  res.on("error", () => {});
  const socket = req.socket;
  let discarded = 0;
  req.push = (chunk: unknown) => {
    if (chunk === null || chunk === undefined) return false;
    discarded += Buffer.isBuffer(chunk) ? chunk.length : Buffer.byteLength(String(chunk));
    if (discarded > LINGER_BYTES) socket.destroy();
    return true;
  };
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({
    error: `request body too large (limit ${describeLimit(limitBytes)})`,
  });
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body, () => {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  });
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
        refuse(req, res, limitBytes);
        return true;
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
