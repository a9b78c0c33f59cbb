import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import { createUser } from "@/server/services/users/create-user";

export const signUpInput = z.object({
  email: z.string().max(254),
  password: z.string().max(1024),
  name: z.string().trim().max(100).optional(),
});

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    if (!ctx.allowSignup)
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "sign-up is disabled on this Vigil; ask an operator",
      });
    const verdict = await ctx.signInLimiter.consumeSignup(ctx.clientIp);
    if (verdict.blocked)
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `too many sign-ups from your address; try again in ${verdict.retryAfterSecs} s`,
      });
    const { user } = await createUser({ ctx: { db: ctx.db, now: ctx.now }, input });
    return { id: user.id, email: user.email };
  }),
});
