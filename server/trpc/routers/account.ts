import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/trpc/init";
import { signUp } from "@/server/services/users/sign-up";
import { changePassword } from "@/server/services/users/change-password";
import { countActiveSessions } from "@/server/services/sessions/count-active-sessions";
import { endOtherSessions } from "@/server/services/sessions/end-other-sessions";

const signUpInput = z.object({
  email: z.string().max(254),
  password: z.string().max(1024),
  name: z.string().trim().max(100).optional(),
});

const changePasswordInput = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});

export const accountRouter = createTRPCRouter({
  sessions: protectedProcedure.query(({ ctx }) => countActiveSessions({ ctx: ctx.service })),
  signOutOtherSessions: protectedProcedure.mutation(({ ctx }) =>
    endOtherSessions({ ctx: ctx.service, input: { currentSessionId: ctx.user.sessionId } }),
  ),
  changePassword: protectedProcedure.input(changePasswordInput).mutation(({ ctx, input }) =>
    changePassword({
      ctx: ctx.service,
      input: {
        ...input,
        currentSessionId: ctx.user.sessionId,
        limits: { limiter: ctx.signInLimiter, email: ctx.user.email, clientIp: ctx.clientIp },
      },
    }),
  ),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) =>
    signUp({
      ctx: {
        db: ctx.db,
        now: ctx.now,
        signup: ctx.signup,
        signInLimiter: ctx.signInLimiter,
        clientIp: ctx.clientIp,
      },
      input,
    }),
  ),
});
