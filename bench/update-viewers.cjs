// A load process for "update posted → viewers": N anonymous Socket.IO viewers of one status page
// that do what the page does on `status:changed` (wait the page's random delay, or not, then fetch
// view.json). Prints "ready" once all joined. For each line {"text","jitter"} on stdin it prints
// "armed"; once every viewer has refetched after the next event, one JSON line of epoch-ms times.
const { io } = require("socket.io-client");
const readline = require("node:readline");
const { fetch } = globalThis;
const [url, pageId, slug, count] = process.argv.slice(2);
const n = Number(count);
let joined = 0;
let round = null;

const finish = () => {
  const r = round;
  round = null;
  process.stdout.write(
    JSON.stringify({ received: r.received, fetched: r.fetched, missing: r.missing }) + "\n",
  );
};

async function refetch(r, receivedAt) {
  // The page's own delay (use-live-status-page.ts), so that viewers do not all ask at once.
  const delay = r.jitter ? 250 + Math.random() * 2500 : 0;
  await new Promise((res) => setTimeout(res, delay));
  const fetchAt = Date.now();
  let body = "";
  try {
    const res = await fetch(`${url}/status/${slug}/view.json`, { cache: "no-cache" });
    body = await res.text();
  } catch {
    body = "";
  }
  const doneAt = Date.now();
  if (!body.includes(r.text)) r.missing++;
  r.received.push(receivedAt);
  r.fetched.push([fetchAt, doneAt]);
  if (r.received.length === n) finish();
}

for (let i = 0; i < n; i++) {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
  let seen = null;
  socket.on("connect", () =>
    socket.emit("room:join", `status-page:${pageId}`, (reply) => {
      if (!reply.ok) throw new Error("join refused");
      if (++joined === n) process.stdout.write("ready\n");
    }),
  );
  socket.on("status:changed", (change) => {
    // One refetch per viewer per round, as the page coalesces events into one fetch.
    if (!round || change.statusPageId !== pageId || seen === round) return;
    seen = round;
    void refetch(round, Date.now());
  });
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line === "exit") process.exit(0);
  const { text, jitter } = JSON.parse(line);
  round = { text, jitter, received: [], fetched: [], missing: 0 };
  process.stdout.write("armed\n");
});
setTimeout(() => process.exit(1), 600_000).unref();
