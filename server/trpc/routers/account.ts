import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import { signUp } from "@/server/services/users/sign-up";

export const signUpInput = z.object({
  email: z.string().max(254),
  password: z.string().max(1024),
  name: z.string().trim().max(100).optional(),
});

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) =>
    signUp({
      ctx: { db: ctx.db, now: ctx.now },
      input,
      policy: { allowSignup: ctx.allowSignup, limiter: ctx.signInLimiter, clientIp: ctx.clientIp },
    }),
  ),
});
