import { cron, type Inngest } from "inngest";
import { getRuntime } from "@/server/runtime";
import { noticeMaintenanceBoundaries } from "@/server/services/maintenances/notice-maintenance-boundaries";

// A little more than the cron's minute, so a late run misses no boundary (a repeat is harmless).
const LOOK_BACK_MS = 90_000;

/** Every minute: maintenance windows that started or ended reach their pages; held alerts of ended ones go out. */
export function createMaintenanceBoundaries(inngest: Inngest) {
  return inngest.createFunction(
    { id: "maintenance-boundaries", triggers: [cron("* * * * *")] },
    async ({ step }) => {
      return step.run("notice-boundaries", async () => {
        const now = new Date();
        const { next, queued } = await noticeMaintenanceBoundaries({
          ctx: { db: getRuntime().db, now: () => now },
          input: { since: new Date(now.getTime() - LOOK_BACK_MS) },
        });
        return { next: next?.toISOString() ?? null, queued };
      });
    },
  );
}
