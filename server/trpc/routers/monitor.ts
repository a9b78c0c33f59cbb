import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
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

const byId = z.object({ id: z.string().max(64) });

export const monitorRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listMonitorsWithUptime({ ctx: ctx.service })),
  get: protectedProcedure
    .input(byId)
    .query(({ ctx, input }) =>
      getMonitorHistory({ ctx: ctx.service, input: { monitorId: input.id } }),
    ),
  create: protectedProcedure
    .input(createMonitorInput)
    .mutation(({ ctx, input }) => createMonitor({ ctx: ctx.service, input })),
  update: protectedProcedure
    .input(byId.extend({ changes: updateMonitorInput }))
    .mutation(({ ctx, input }) =>
      updateMonitor({
        ctx: ctx.service,
        input: { monitorId: input.id, changes: input.changes },
      }),
    ),
  delete: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) =>
      deleteMonitor({ ctx: ctx.service, input: { monitorId: input.id } }),
    ),
  pause: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) =>
      pauseMonitor({ ctx: ctx.service, input: { monitorId: input.id } }),
    ),
  resume: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) =>
      resumeMonitor({ ctx: ctx.service, input: { monitorId: input.id } }),
    ),
});
