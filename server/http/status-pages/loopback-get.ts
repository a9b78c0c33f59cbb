import http from "node:http";

export type LoopbackResponse = { status: number; contentType: string | null; body: Buffer };

// Kept-alive connections to this server itself; the global fetch is Next's patched one, and
// costs more per request than a page fill should.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * GET on this server's own loopback origin, the whole body read. Fails after `timeoutMs`,
 * counted from the call (waiting for a free connection included).
 */
export async function loopbackGet(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<LoopbackResponse> {
  const deadline = Date.now() + timeoutMs;
  try {
    return await getOnce(url, headers, deadline);
  } catch (err) {
    // A kept-alive connection the server closed just as it was reused: once more, on a new one.
    if (!(err instanceof StaleSocketError)) throw err;
    return getOnce(url, headers, deadline);
  }
}

class StaleSocketError extends Error {}

function getOnce(
  url: string,
  headers: Record<string, string>,
  deadline: number,
): Promise<LoopbackResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const req = http.get(url, { agent, headers }, (res) => {
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
  });
}
