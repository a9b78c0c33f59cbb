import http from "node:http";
import type { AddressInfo } from "node:net";

type TargetBehaviour = { status: number; delayMs: number };

export type TestTarget = {
  url: (path: string) => string;
  /** How the target answers on `path` from the next request on (default: 200 at once). */
  set: (path: string, behaviour: Partial<TargetBehaviour>) => void;
  hits: (path: string) => number;
  /** Resolves once `path` has received `count` requests in all. */
  waitForHits: (path: string, count: number, timeoutMs: number) => Promise<void>;
  close: () => Promise<void>;
};

/** A monitored service on 127.0.0.1: one behaviour per path, counting the requests on each. */
export async function startTestTarget(): Promise<TestTarget> {
  const behaviours = new Map<string, TargetBehaviour>();
  const hits = new Map<string, number>();
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://target").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    for (const wake of waiters) wake();
    const { status, delayMs } = behaviours.get(path) ?? { status: 200, delayMs: 0 };
    const answer = () => {
      res.statusCode = status;
      res.end(status < 400 ? "ok" : "failing");
    };
    if (delayMs === 0) return answer();
    const timer = setTimeout(answer, delayMs);
    res.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const count = (path: string) => hits.get(path) ?? 0;

  return {
    url: (path) => `${origin}${path}`,
    set: (path, behaviour) => behaviours.set(path, { status: 200, delayMs: 0, ...behaviour }),
    hits: count,
    waitForHits: (path, wanted, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (count(path) < wanted) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`${path} had ${count(path)} of ${wanted} requests after ${timeoutMs} ms`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
