import { createCallerFactory, createTRPCRouter } from "@/server/trpc/init";
import { accountRouter } from "@/server/trpc/routers/account";
import { workspaceRouter } from "@/server/trpc/routers/workspace";
import { monitorRouter } from "@/server/trpc/routers/monitor";
import { heartbeatRouter } from "@/server/trpc/routers/heartbeat";
import { statusPageRouter } from "@/server/trpc/routers/status-page";
import { alertsRouter } from "@/server/trpc/routers/alerts";
import { apiKeysRouter } from "@/server/trpc/routers/api-keys";
import { overviewRouter } from "@/server/trpc/routers/overview";
import { incidentsRouter } from "@/server/trpc/routers/incidents";
import { announcementsRouter } from "@/server/trpc/routers/announcements";
import { maintenancesRouter } from "@/server/trpc/routers/maintenances";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  workspace: workspaceRouter,
  monitor: monitorRouter,
  heartbeat: heartbeatRouter,
  statusPage: statusPageRouter,
  alerts: alertsRouter,
  apiKeys: apiKeysRouter,
  overview: overviewRouter,
  incidents: incidentsRouter,
  announcements: announcementsRouter,
  maintenances: maintenancesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
