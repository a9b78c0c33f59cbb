import { cron, type Inngest } from "inngest";
import { getRuntime } from "@/server/runtime";
import { events } from "@/server/jobs/events";
import { systemClock } from "@/server/services/context";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import {
  deliverDueAlerts,
  driveFlipDelivery,
  lanesOfFlip,
} from "@/server/services/alerts/deliver-alerts";
import { queueReminders } from "@/server/services/alerts/queue-reminders";

// A retry schedule of up to 24 h takes about 30 rounds (15 s doubling to an hour).
const MAX_ROUNDS = 40;

/**
 * Inngest driver: one run per committed flip (idempotent by flip id), a step per channel and
 * round. A round sends (or folds, or retries) through the same lane service as the embedded
 * driver; between rounds the run sleeps until the lane's retry or folding window is due.
 */
export function createDeliverAlerts(inngest: Inngest) {
  return inngest.createFunction(
    { id: "deliver-alerts", triggers: [events.flipRecorded], idempotency: "event.data.flipId" },
    async ({ event, step }) => {
      const flipId = event.data.flipId;
      const lanes = await step.run("find-channels", () =>
        lanesOfFlip({ ctx: { db: getRuntime().db, now: systemClock }, input: { flipId } }),
      );
      const settled = await Promise.all(
        lanes.map(async ({ laneId, channelId }) => {
          for (let round = 0; round < MAX_ROUNDS; round++) {
            const result = await step.run(`deliver-${channelId}-${round}`, () => {
              const runtime = getRuntime();
              return driveFlipDelivery({
                ctx: { db: runtime.db, now: systemClock, alerts: alertDepsFrom(runtime.config) },
                input: { flipId, laneId },
              });
            });
            if (result.settled || !result.nextAt) return true;
            await step.sleepUntil(`wait-${channelId}-${round}`, new Date(result.nextAt));
          }
          return false;
        }),
      );
      return { channels: lanes.length, settled: settled.filter(Boolean).length };
    },
  );
}

/** Every minute: reminders that fell due, and the safety net for any lane that is due (a lost event, a retry, a folded flip). */
export function createAlertSweep(inngest: Inngest) {
  return inngest.createFunction(
    { id: "alert-delivery-sweep", triggers: [cron("* * * * *")] },
    async ({ step }) => {
      const reminders = await step.run("queue-reminders", () =>
        queueReminders({ ctx: { db: getRuntime().db, now: systemClock } }),
      );
      const lanes = await step.run("deliver-due", () => {
        const runtime = getRuntime();
        return deliverDueAlerts({
          ctx: { db: runtime.db, now: systemClock, alerts: alertDepsFrom(runtime.config) },
        });
      });
      return { reminders, lanes };
    },
  );
}
