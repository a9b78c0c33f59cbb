import http from "node:http";

export type LoopbackResponse = { status: number; contentType: string | null; body: Buffer };

// Kept-alive connections to this server itself; the global fetch is Next's patched one, and
// costs more per request than a page fill should.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** GET on this server's own loopback origin, the whole body read; fails after `timeoutMs`. */
export function loopbackGet(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<LoopbackResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
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
      () => req.destroy(new Error(`${url} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
