// A Vigil worker that commits one flip (with its outbox) and is SIGKILLed right after the commit,
// before any alert is sent: the kill -9 case of the alert tests. Run with `node --import tsx`.
import pino from "pino";
import { openDatabase } from "@/db/client";
import { makeUser } from "@/db/testing/factories";
import { makeMonitor, withPolicy } from "@/db/testing/make-monitor";
import { getEventBus } from "@/server/events/bus";
import { AlertDispatcher } from "@/server/jobs/alert-dispatcher";
import { createChannel } from "@/server/services/alerts/create-channel";
import { runCheck } from "@/server/services/checks/run-due-checks";
import { systemClock } from "@/server/services/context";

const { DB_URL, DATA_DIR, HOOK_URL, TARGET_URL } = process.env;
const handle = DB_URL
  ? await openDatabase({ kind: "postgres", url: DB_URL })
  : await openDatabase({ kind: "pglite", dataDir: DATA_DIR });
await handle.migrate();
const { user, workspace } = await makeUser(handle.db);
const ctx = {
  db: handle.db,
  now: systemClock,
  actor: { userId: user.id },
  workspaceId: workspace.id,
};
await createChannel({
  ctx: withPolicy(ctx, { privateTargets: "all" }),
  input: { name: "on-call", kind: "webhook", url: HOOK_URL ?? "", enabled: true, isDefault: true },
});
const monitor = await makeMonitor(ctx, TARGET_URL ?? "", {
  name: "kill-9 target",
  confirmations: 1,
});

// The first subscriber to the committed flip: dies before the dispatcher's own listener runs.
getEventBus().on("flip", (flip) => {
  process.stdout.write(`COMMITTED ${flip.flipId} ${monitor.id}\n`, () =>
    process.kill(process.pid, "SIGKILL"),
  );
  process.kill(process.pid, "SIGKILL");
});
const dispatcher = new AlertDispatcher({
  db: handle.db,
  now: systemClock,
  logger: pino({ level: "silent" }),
  alerts: {
    privateTargets: "all",
    allowPrivateTargets: true,
    timeoutMs: 2000,
    smtp: undefined,
    baseUrl: "http://localhost",
  },
});
dispatcher.start();
// Let its start-up look finish first: a look still running when the flip commits could lease the
// new lane before the kill, and the restarted process would then wait out that lease (60 s). The
// flip itself wakes it only through the bus, where the kill comes first.
await new Promise((r) => setTimeout(r, 20));
await dispatcher.idle();
await runCheck({ ctx, monitorId: monitor.id, options: { privateTargets: "all" } });
