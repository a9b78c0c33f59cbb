import http from "node:http";
import type { AddressInfo } from "node:net";

type ReceivedHook = {
  path: string;
  body: string;
  headers: http.IncomingHttpHeaders;
  at: Date;
};

/** A webhook receiver on 127.0.0.1 that answers 200 and records every request it is sent. */
export async function startWebhookReceiver() {
  const hits: ReceivedHook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({
        path: req.url ?? "",
        body: Buffer.concat(chunks).toString(),
        headers: req.headers,
        at: new Date(),
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
