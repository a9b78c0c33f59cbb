import http from "node:http";

/** Marks a request this server makes to itself; it carries the process's internal token. */
export const INTERNAL_HEADER = "x-vigil-internal";

export type LoopbackResponse = { status: number; contentType: string | null; body: Buffer };

type Options = {
  method?: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** Counted from the call, waiting for a free connection included. */
  timeoutMs: number;
};

// Kept-alive connections to this server itself; the global fetch is Next's patched one, and
// costs more per request than a page fill should.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** A request to this server's own loopback origin, the whole answer read. */
export async function loopbackRequest(url: string, options: Options): Promise<LoopbackResponse> {
  const deadline = Date.now() + options.timeoutMs;
  try {
    return await requestOnce(url, options, deadline);
  } catch (err) {
    // A kept-alive connection the server closed just as it was reused: once more, on a new one.
    if (!(err instanceof StaleSocketError)) throw err;
    return requestOnce(url, options, deadline);
  }
}

class StaleSocketError extends Error {}

function requestOnce(
  url: string,
  { method = "GET", headers, body }: Options,
  deadline: number,
): Promise<LoopbackResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const req = http.request(url, { agent, method, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      res.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"] ?? null,
          body: Buffer.concat(chunks),
        });
      });
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`${url} did not answer in time`)),
      Math.max(0, deadline - Date.now()),
    );
    req.on("error", (err: NodeJS.ErrnoException) =>
      fail(
        req.reusedSocket && !answered && err.code === "ECONNRESET"
          ? new StaleSocketError(err.message)
          : err,
      ),
    );
    req.end(body);
  });
}
