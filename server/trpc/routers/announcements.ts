import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import {
  createAnnouncement,
  createAnnouncementInput,
  deleteAnnouncement,
  listAnnouncements,
} from "@/server/services/announcements/announcements";

const byPage = z.object({ statusPageId: z.string().max(64) });

export const announcementsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(byPage.extend({ includeExpired: z.boolean().optional() }))
    .query(({ ctx, input }) => listAnnouncements({ ctx: ctx.service, input })),
  create: protectedProcedure
    .input(byPage.extend(createAnnouncementInput.shape))
    .mutation(({ ctx, input }) => createAnnouncement({ ctx: ctx.service, input })),
  delete: protectedProcedure
    .input(byPage.extend({ announcementId: z.string().max(64) }))
    .mutation(({ ctx, input }) => deleteAnnouncement({ ctx: ctx.service, input })),
});
