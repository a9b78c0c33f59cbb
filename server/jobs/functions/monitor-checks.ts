import { cron, type Inngest } from "inngest";
import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { events } from "@/server/jobs/events";
import { planDueChecks } from "@/server/services/checks/plan-due-checks";
import { runPlannedCheck } from "@/server/services/checks/run-planned-check";

const runtimeCtx = () => {
  const runtime = getRuntime();
  return {
    ctx: { db: runtime.db, now: systemClock },
    options: { allowPrivateTargets: runtime.config.allowPrivateTargets },
  };
};

/**
 * Every minute: claim the monitors due in the next minute and send one check event per due time,
 * with `ts` at that time (so a 10 s monitor is checked six times a minute by a minute cron).
 */
export function createPlanChecks(inngest: Inngest) {
  return inngest.createFunction(
    { id: "plan-monitor-checks", triggers: [cron("* * * * *")] },
    async ({ step }) => {
      const planned = await step.run("claim-due-monitors", async () =>
        (await planDueChecks(runtimeCtx().ctx.db, systemClock())).map((p) => ({
          ...p,
          dueAt: p.dueAt.toISOString(),
        })),
      );
      if (planned.length === 0) return { planned: 0 };
      await step.sendEvent(
        "send-check-events",
        planned.map(({ dueAt, ...data }) =>
          events.monitorCheckDue.create({ ...data, dueAt }, { ts: Date.parse(dueAt) }),
        ),
      );
      return { planned: planned.length };
    },
  );
}

/** One check at its due time; at most 10 run at once per workspace. A failing check schedules its retry. */
export function createCheckMonitor(inngest: Inngest) {
  return inngest.createFunction(
    {
      id: "check-monitor",
      triggers: [events.monitorCheckDue],
      concurrency: { key: "event.data.workspaceId", limit: 10 },
      retries: 0,
    },
    async ({ event, step }) => {
      const outcome = await step.run("check", async () => {
        const { ctx, options } = runtimeCtx();
        const result = await runPlannedCheck({
          ctx,
          monitorId: event.data.monitorId,
          leaseToken: event.data.leaseToken,
          options,
        });
        return result.ran
          ? {
              ran: true,
              status: result.status,
              recorded: result.recorded,
              retryAt: result.retryAt?.toISOString() ?? null,
            }
          : { ran: false, status: null, recorded: false, retryAt: null };
      });
      if (outcome.retryAt) {
        await step.sendEvent(
          "send-retry",
          events.monitorCheckDue.create(
            { ...event.data, dueAt: outcome.retryAt },
            { ts: Date.parse(outcome.retryAt) },
          ),
        );
      }
      return outcome;
    },
  );
}
