import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { getOverview } from "@/server/services/overview/get-overview";

export const overviewRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => getOverview({ ctx: ctx.service })),
});
