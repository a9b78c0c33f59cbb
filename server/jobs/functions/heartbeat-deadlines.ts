import { cron, type Inngest } from "inngest";
import { getRuntime } from "@/server/runtime";
import { events } from "@/server/jobs/events";
import { sweepDeadlines } from "@/server/services/heartbeats/sweep-deadlines";

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
      const at = event.data.deadline;
      if (!at) return { swept: 0 };
      await step.sleepUntil("wait-for-deadline", new Date(at));
      const swept = await step.run("apply-alarm", () =>
        sweepDeadlines(getRuntime().db, new Date(), { heartbeatId: event.data.heartbeatId }),
      );
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
        sweepDeadlines(getRuntime().db, new Date(), { limit: 10_000 }),
      );
      return { swept };
    },
  );
}
