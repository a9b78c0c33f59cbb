import { z } from "zod";
import type { inferProcedureBuilderResolverOptions } from "@trpc/server";
import { protectedProcedure } from "@/server/trpc/init";

/** The `{ id }` every procedure about one row takes. */
export const byId = z.object({ id: z.string().max(64) });

type Ctx = inferProcedureBuilderResolverOptions<typeof protectedProcedure>["ctx"];
type Service<I, R> = (args: { ctx: Ctx["service"]; input: I }) => Promise<R>;
type IdOf<K extends string> = { [P in K]: string };
type Changes<K extends string, C extends z.ZodType> = IdOf<K> & { changes: z.output<C> };

/**
 * Procedures about one row of the workspace: `{ id }` in, the service called with it as
 * `input[key]` (monitorId, channelId…), its answer out; the `…As` ones answer `present(ctx, it)`.
 */
export function idProcedures<K extends string>(key: K) {
  const idOf = (id: string) => ({ [key]: id }) as IdOf<K>;
  const withId = protectedProcedure.input(byId);
  const withChanges = <C extends z.ZodType>(changes: C) =>
    protectedProcedure.input(byId.extend({ changes }));
  const changesOf = <C extends z.ZodType>(input: unknown) => {
    const { id, changes } = input as { id: string; changes: z.output<C> };
    return { ...idOf(id), changes };
  };
  return {
    query: <R>(service: Service<IdOf<K>, R>) =>
      withId.query(({ ctx, input }) => service({ ctx: ctx.service, input: idOf(input.id) })),
    queryAs: <R, T>(service: Service<IdOf<K>, R>, present: (ctx: Ctx, result: R) => T) =>
      withId.query(async ({ ctx, input }) =>
        present(ctx, await service({ ctx: ctx.service, input: idOf(input.id) })),
      ),
    mutation: <R>(service: Service<IdOf<K>, R>) =>
      withId.mutation(({ ctx, input }) => service({ ctx: ctx.service, input: idOf(input.id) })),
    mutationAs: <R, T>(service: Service<IdOf<K>, R>, present: (ctx: Ctx, result: R) => T) =>
      withId.mutation(async ({ ctx, input }) =>
        present(ctx, await service({ ctx: ctx.service, input: idOf(input.id) })),
      ),
    /** `{ id, changes }` in, `changes` parsed by `changes`. */
    update: <C extends z.ZodType, R>(changes: C, service: Service<Changes<K, C>, R>) =>
      withChanges(changes).mutation(({ ctx, input }) =>
        service({ ctx: ctx.service, input: changesOf<C>(input) }),
      ),
    updateAs: <C extends z.ZodType, R, T>(
      changes: C,
      service: Service<Changes<K, C>, R>,
      present: (ctx: Ctx, result: R) => T,
    ) =>
      withChanges(changes).mutation(async ({ ctx, input }) =>
        present(ctx, await service({ ctx: ctx.service, input: changesOf<C>(input) })),
      ),
  };
}
