// A load process for time-to-truth: N anonymous Socket.IO viewers of one status page. Prints
// "ready" once all joined, then the latencies (receipt - flip time, ms) as JSON after all flips.
const { io } = require("socket.io-client");
const [url, pageId, count, flips] = process.argv.slice(2);
const latencies = [];
let joined = 0;
let seen = 0;
const expected = Number(count) * Number(flips);
const sockets = [];
for (let i = 0; i < Number(count); i++) {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true });
  sockets.push(socket);
  socket.on("connect", () =>
    socket.emit("room:join", `status-page:${pageId}`, (reply) => {
      if (!reply.ok) throw new Error("join refused");
      if (++joined === Number(count)) process.stdout.write("ready\n");
    }),
  );
  socket.on("status:flip", (flip) => {
    latencies.push(Date.now() - Date.parse(flip.at));
    if (++seen === expected) {
      process.stdout.write(JSON.stringify(latencies) + "\n");
      for (const s of sockets) s.disconnect();
      process.exit(0);
    }
  });
}
setTimeout(() => {
  process.stdout.write(JSON.stringify(latencies) + "\n");
  process.exit(1);
}, 120_000).unref();
