import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import {
  createMaintenanceInput,
  maintenanceUpdateInput,
  updateMaintenanceInput,
} from "@/server/services/maintenances/maintenance-settings";
import { getMaintenance, listMaintenances } from "@/server/services/maintenances/find-maintenance";
import { createMaintenance } from "@/server/services/maintenances/create-maintenance";
import { updateMaintenance } from "@/server/services/maintenances/update-maintenance";
import { deleteMaintenance } from "@/server/services/maintenances/delete-maintenance";
import { postMaintenanceUpdate } from "@/server/services/maintenances/post-maintenance-update";
import {
  previewMaintenance,
  previewMaintenanceInput,
} from "@/server/services/maintenances/preview-maintenance";

const byId = z.object({ maintenanceId: z.string().max(64) });

export const maintenancesRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listMaintenances({ ctx: ctx.service })),
  get: protectedProcedure
    .input(byId)
    .query(({ ctx, input }) => getMaintenance({ ctx: ctx.service, input })),
  /** The next three windows of a timing being planned, or the field error it would get. */
  preview: protectedProcedure
    .input(previewMaintenanceInput)
    .query(({ ctx, input }) => previewMaintenance({ ctx: ctx.service, input })),
  create: protectedProcedure
    .input(createMaintenanceInput)
    .mutation(({ ctx, input }) => createMaintenance({ ctx: ctx.service, input })),
  /** Edit, end early (`status: "completed"`), extend (`endsAt`) or cancel (`status: "cancelled"`). */
  update: protectedProcedure
    .input(byId.extend(updateMaintenanceInput.shape))
    .mutation(({ ctx, input }) => updateMaintenance({ ctx: ctx.service, input })),
  delete: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteMaintenance({ ctx: ctx.service, input })),
  postUpdate: protectedProcedure
    .input(byId.extend(maintenanceUpdateInput.shape))
    .mutation(({ ctx, input }) => postMaintenanceUpdate({ ctx: ctx.service, input })),
});
