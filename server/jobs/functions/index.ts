import type { Inngest } from "inngest";
import { createCheckMonitor, createPlanChecks } from "@/server/jobs/functions/monitor-checks";
import { createUpkeep } from "@/server/jobs/functions/upkeep";
import {
  createDeadlineSweep,
  createHeartbeatDeadline,
} from "@/server/jobs/functions/heartbeat-deadlines";
import { createAlertSweep, createDeliverAlerts } from "@/server/jobs/functions/deliver-alerts";
import { createMaintenanceBoundaries } from "@/server/jobs/functions/maintenance-boundaries";

/** Functions served at /api/inngest for this client. */
export function createFunctions(inngest: Inngest) {
  return [
    createPlanChecks(inngest),
    createCheckMonitor(inngest),
    createUpkeep(inngest),
    createHeartbeatDeadline(inngest),
    createDeadlineSweep(inngest),
    createDeliverAlerts(inngest),
    createAlertSweep(inngest),
    createMaintenanceBoundaries(inngest),
  ];
}
