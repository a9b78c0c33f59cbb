import { createCallerFactory, createTRPCRouter } from "@/server/trpc/init";
import { accountRouter } from "@/server/trpc/routers/account";
import { workspaceRouter } from "@/server/trpc/routers/workspace";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
