import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import {
  createHeartbeatInput,
  updateHeartbeatInput,
} from "@/server/services/heartbeats/heartbeat-settings";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";
import { updateHeartbeat } from "@/server/services/heartbeats/update-heartbeat";
import { deleteHeartbeat } from "@/server/services/heartbeats/delete-heartbeat";
import { pauseHeartbeat, resumeHeartbeat } from "@/server/services/heartbeats/pause-heartbeat";
import { rotatePingToken } from "@/server/services/heartbeats/rotate-ping-token";
import { getHeartbeatHistory, listHeartbeats } from "@/server/services/heartbeats/list-heartbeats";
import { pingUrlFor } from "@/server/services/heartbeats/heartbeat-token";

const byId = z.object({ id: z.string().max(64) });
const withUrl = <T extends { token: string }>(ctx: { baseUrl: string }, h: T) => ({
  ...h,
  pingUrl: pingUrlFor(ctx.baseUrl, h.token),
});

export const heartbeatRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) =>
    (await listHeartbeats({ ctx: ctx.service })).map((item) => withUrl(ctx, item)),
  ),
  get: protectedProcedure.input(byId).query(async ({ ctx, input }) => {
    const history = await getHeartbeatHistory({
      ctx: ctx.service,
      input: { heartbeatId: input.id },
    });
    return { ...history, heartbeat: withUrl(ctx, history.heartbeat) };
  }),
  create: protectedProcedure.input(createHeartbeatInput).mutation(async ({ ctx, input }) =>
    withUrl(
      ctx,
      await createHeartbeat({
        ctx: ctx.service,
        input: {
          ...input,
          intervalSecs: input.intervalSecs ?? null,
          schedule: input.schedule ?? null,
        },
      }),
    ),
  ),
  update: protectedProcedure
    .input(byId.extend({ changes: updateHeartbeatInput }))
    .mutation(async ({ ctx, input }) =>
      withUrl(
        ctx,
        await updateHeartbeat({
          ctx: ctx.service,
          input: { heartbeatId: input.id, changes: input.changes },
        }),
      ),
    ),
  delete: protectedProcedure
    .input(byId)
    .mutation(({ ctx, input }) =>
      deleteHeartbeat({ ctx: ctx.service, input: { heartbeatId: input.id } }),
    ),
  pause: protectedProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) =>
      withUrl(ctx, await pauseHeartbeat({ ctx: ctx.service, input: { heartbeatId: input.id } })),
    ),
  resume: protectedProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) =>
      withUrl(ctx, await resumeHeartbeat({ ctx: ctx.service, input: { heartbeatId: input.id } })),
    ),
  rotateToken: protectedProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) =>
      withUrl(ctx, await rotatePingToken({ ctx: ctx.service, input: { heartbeatId: input.id } })),
    ),
});
