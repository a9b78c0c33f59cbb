import { cron, type Inngest } from "inngest";
import { getRuntime } from "@/server/runtime";
import { events } from "@/server/jobs/events";
import { nextAlarmAt, sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";
import { systemClock } from "@/server/services/context";

/**
 * One sleeping run per heartbeat: it wakes at the heartbeat's alarm (late, missing, a run too long)
 * unless the next change of that heartbeat cancels it first, then applies the alarm.
 */
export function createHeartbeatDeadline(inngest: Inngest) {
  return inngest.createFunction(
    {
      id: "heartbeat-deadline",
      triggers: [events.heartbeatPinged],
      cancelOn: [{ event: events.heartbeatPinged, match: "data.heartbeatId" }],
    },
    async ({ event, step }) => {
      // Pings that change no state move the alarm without an event: after each wake-up, look at the
      // alarm again and sleep on while it has moved (bounded; the minute sweep is the safety net).
      let at = event.data.deadline;
      let swept = 0;
      for (let round = 0; at && round < 20; round++) {
        const suffix = round === 0 ? "" : `-${round}`;
        await step.sleepUntil(`wait-for-deadline${suffix}`, new Date(at));
        const result = await step.run(`apply-alarm${suffix}`, async () => {
          const db = getRuntime().db;
          const ctx = { db, now: systemClock };
          const input = { heartbeatId: event.data.heartbeatId };
          const applied = await sweepDeadlines({ ctx, input });
          return { applied, next: (await nextAlarmAt({ ctx, input }))?.toISOString() ?? null };
        });
        swept += result.applied;
        if (result.next === at) break;
        at = result.next;
      }
      return { swept };
    },
  );
}

/** Every minute, the safety net: any alarm that is due, whatever happened to its sleeping run. */
export function createDeadlineSweep(inngest: Inngest) {
  return inngest.createFunction(
    { id: "heartbeat-deadline-sweep", triggers: [cron("* * * * *")] },
    async ({ step }) => {
      const swept = await step.run("sweep", () =>
        sweepDeadlines({
          ctx: { db: getRuntime().db, now: systemClock },
          input: { limit: 10_000 },
        }),
      );
      return { swept };
    },
  );
}
