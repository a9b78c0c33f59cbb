import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const workspaceRouter = createTRPCRouter({
  current: protectedProcedure.query(({ ctx }) => ({
    id: ctx.workspace.id,
    name: ctx.workspace.name,
    role: ctx.workspace.role,
    workspaces: ctx.workspace.all,
    user: ctx.user,
  })),
});
