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
    options: { privateTargets: runtime.config.privateTargets },
  };
};

const PAGE_MONITORS = 1_000;
const MAX_PAGES = 100;

/**
 * Every minute: claim the monitors due in the next minute and send one check event per due time,
 * with `ts` at that time (so a 10 s monitor is checked six times a minute by a minute cron).
 */
export function createPlanChecks(inngest: Inngest) {
  return inngest.createFunction(
    { id: "plan-monitor-checks", triggers: [cron("* * * * *")] },
    async ({ step }) => {
      // Pages keep every step's output and every send far below Inngest's size limits at 50,000 monitors.
      let planned = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const suffix = page === 0 ? "" : `-${page}`;
        const batch = await step.run(`claim-due-monitors${suffix}`, async () => {
          const checks = await planDueChecks({
            ctx: runtimeCtx().ctx,
            input: { windowSecs: 60, limit: PAGE_MONITORS },
          });
          return {
            monitors: new Set(checks.map((c) => c.monitorId)).size,
            checks: checks.map((p) => ({ ...p, dueAt: p.dueAt.toISOString() })),
          };
        });
        if (batch.checks.length === 0) break;
        await step.sendEvent(
          `send-check-events${suffix}`,
          batch.checks.map(({ dueAt, ...data }) =>
            events.monitorCheckDue.create({ ...data, dueAt }, { ts: Date.parse(dueAt) }),
          ),
        );
        planned += batch.checks.length;
        if (batch.monitors < PAGE_MONITORS) break;
      }
      return { planned };
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
          input: {
            monitorId: event.data.monitorId,
            leaseToken: event.data.leaseToken,
            options,
          },
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
