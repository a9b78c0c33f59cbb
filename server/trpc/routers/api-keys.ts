import { z } from "zod";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { createApiKeyInput } from "@/server/services/api-keys/api-key-view";
import { createWorkspaceApiKey } from "@/server/services/api-keys/create-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";

export const apiKeysRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiKeys({ ctx: ctx.service })),
  create: protectedProcedure.input(createApiKeyInput).mutation(async ({ ctx, input }) => {
    const { workspaceId: _workspaceId, ...created } = await createWorkspaceApiKey({
      ctx: ctx.service,
      input,
    });
    return created;
  }),
  revoke: protectedProcedure
    .input(z.object({ id: z.string().max(64) }))
    .mutation(async ({ ctx, input }) => {
      await revokeApiKey({ ctx: ctx.service, input: { id: input.id } });
    }),
});
