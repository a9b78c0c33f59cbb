import http from "node:http";
import type { AddressInfo } from "node:net";

type Received = {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
  /** What the receiver answered (a status, or "hang"). */
  answer: Answer;
};

/** How the receiver answers the next requests on a path: a status, or "hang" (never answers). */
type Answer = number | "hang";

export type TestReceiver = {
  url: (path: string) => string;
  /** Answers for the next requests on `path`, in order; after them, 200. */
  answer: (path: string, ...answers: Answer[]) => void;
  received: (path?: string) => Received[];
  waitFor: (path: string, count: number, timeoutMs?: number) => Promise<Received[]>;
  close: () => Promise<void>;
};

/** A webhook/Slack/Discord/ntfy endpoint on 127.0.0.1 that records every request it gets. */
export async function startReceiver(): Promise<TestReceiver> {
  const log: Received[] = [];
  const plans = new Map<string, Answer[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://receiver").pathname;
      const next = plans.get(path)?.shift() ?? 200;
      const body = Buffer.concat(chunks).toString();
      log.push({ path, headers: req.headers, body, at: Date.now(), answer: next });
      if (next === "hang") return; // never answers; the sender's timeout must end it
      res.statusCode = next;
      res.end(next < 300 ? "ok" : `receiver says no (${next})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const received = (path?: string) => log.filter((r) => path === undefined || r.path === path);
  return {
    url: (path) => `${origin}${path}`,
    answer: (path, ...answers) => plans.set(path, answers),
    received,
    waitFor: async (path, count, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (received(path).length < count) {
        if (Date.now() > until)
          throw new Error(`${path} got ${received(path).length} of ${count} requests`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
