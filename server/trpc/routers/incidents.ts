import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import {
  createIncidentInput,
  editUpdateInput,
  incidentListFilter,
  postUpdateInput,
  postmortemInput,
} from "@/server/services/incidents/incident-input";
import { getIncident, listIncidents } from "@/server/services/incidents/list-incidents";
import { createIncident } from "@/server/services/incidents/create-incident";
import { postIncidentUpdate } from "@/server/services/incidents/post-incident-update";
import {
  deleteIncident,
  deleteIncidentUpdate,
  editIncidentUpdate,
  setIncidentPostmortem,
} from "@/server/services/incidents/edit-incident";

const byId = z.object({ incidentId: z.string().max(64) });
const byUpdate = byId.extend({ updateId: z.string().max(64) });

export const incidentsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ status: incidentListFilter.optional() }))
    .query(({ ctx, input }) => listIncidents({ ctx: ctx.service, input })),
  get: protectedProcedure
    .input(byId)
    .query(({ ctx, input }) => getIncident({ ctx: ctx.service, input })),
  create: protectedProcedure
    .input(createIncidentInput)
    .mutation(({ ctx, input }) => createIncident({ ctx: ctx.service, input })),
  postUpdate: protectedProcedure
    .input(byId.extend(postUpdateInput.shape))
    .mutation(({ ctx, input }) => postIncidentUpdate({ ctx: ctx.service, input })),
  editUpdate: protectedProcedure
    .input(byUpdate.extend(editUpdateInput.shape))
    .mutation(({ ctx, input }) => editIncidentUpdate({ ctx: ctx.service, input })),
  deleteUpdate: protectedProcedure
    .input(byUpdate)
    .mutation(({ ctx, input }) => deleteIncidentUpdate({ ctx: ctx.service, input })),
  setPostmortem: protectedProcedure
    .input(byId.extend(postmortemInput.shape))
    .mutation(({ ctx, input }) => setIncidentPostmortem({ ctx: ctx.service, input })),
  delete: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteIncident({ ctx: ctx.service, input })),
});
