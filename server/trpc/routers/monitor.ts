import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { idProcedures } from "@/server/trpc/id-procedures";
import {
  createMonitorInput,
  updateMonitorInput,
} from "@/server/services/monitors/monitor-settings";
import { createMonitor } from "@/server/services/monitors/create-monitor";
import { updateMonitor } from "@/server/services/monitors/update-monitor";
import { deleteMonitor } from "@/server/services/monitors/delete-monitor";
import { pauseMonitor, resumeMonitor } from "@/server/services/monitors/pause-monitor";
import { getMonitorHistory } from "@/server/services/monitors/get-monitor-history";
import { listMonitorsWithUptime } from "@/server/services/monitors/list-monitors-with-uptime";

const monitorId = idProcedures("monitorId");

export const monitorRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listMonitorsWithUptime({ ctx: ctx.service })),
  get: monitorId.query(getMonitorHistory),
  create: protectedProcedure
    .input(createMonitorInput)
    .mutation(({ ctx, input }) => createMonitor({ ctx: ctx.service, input })),
  update: monitorId.update(updateMonitorInput, updateMonitor),
  delete: monitorId.mutation(deleteMonitor),
  pause: monitorId.mutation(pauseMonitor),
  resume: monitorId.mutation(resumeMonitor),
});
