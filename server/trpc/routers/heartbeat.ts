import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { idProcedures } from "@/server/trpc/id-procedures";
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

const heartbeatId = idProcedures("heartbeatId");
const withUrl = <T extends { token: string }>(ctx: { baseUrl: string }, h: T) => ({
  ...h,
  pingUrl: pingUrlFor(ctx.baseUrl, h.token),
});

export const heartbeatRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) =>
    (await listHeartbeats({ ctx: ctx.service })).map((item) => withUrl(ctx, item)),
  ),
  get: heartbeatId.queryAs(getHeartbeatHistory, (ctx, history) => ({
    ...history,
    heartbeat: withUrl(ctx, history.heartbeat),
  })),
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
  update: heartbeatId.updateAs(updateHeartbeatInput, updateHeartbeat, withUrl),
  delete: heartbeatId.mutation(deleteHeartbeat),
  pause: heartbeatId.mutationAs(pauseHeartbeat, withUrl),
  resume: heartbeatId.mutationAs(resumeHeartbeat, withUrl),
  rotateToken: heartbeatId.mutationAs(rotatePingToken, withUrl),
});
