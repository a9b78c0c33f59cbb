import { cron, type Inngest } from "inngest";
import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { runUpkeep } from "@/server/services/upkeep/run-upkeep";

/** Hourly: roll raw check results up per hour and day, and prune what is past its retention window. */
export function createUpkeep(inngest: Inngest) {
  return inngest.createFunction(
    { id: "roll-up-check-results", triggers: [cron("7 * * * *")] },
    async ({ step }) => {
      await step.run("roll-up-and-prune", async () => {
        const runtime = getRuntime();
        await runUpkeep({
          ctx: { db: runtime.db, now: systemClock },
          input: {
            retentionDays: runtime.config.resultRetentionDays,
            alertLogRetentionDays: runtime.config.alertLogRetentionDays,
          },
        });
      });
    },
  );
}
