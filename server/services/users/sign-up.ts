import type { ServiceCtx } from "@/server/services/context";
import type { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createUser, type CreateUserInput } from "@/server/services/users/create-user";
import { ServiceError } from "@/server/services/errors";
import type { SignupPolicy } from "@/server/domain/instance/access-policy";
import { getSignupState, signupClosed } from "@/server/services/instance/get-signup-state";

/** Sign-up acts for a client address under the operator's policy. */
export type SignUpCtx = ServiceCtx & {
  signup: SignupPolicy;
  signInLimiter: SignInLimiter;
  clientIp: string;
};

/**
 * Self-service sign-up: allowed by the operator's policy, limited per client address, then
 * createUser. Under `first`, only the account that becomes the instance owner is kept.
 */
export async function signUp({
  ctx,
  input,
}: {
  ctx: SignUpCtx;
  input: Pick<CreateUserInput, "email" | "password" | "name">;
}): Promise<{ id: string; email: string }> {
  if (!(await getSignupState({ ctx, input: { signup: ctx.signup } })).isOpen) throw signupClosed();
  const verdict = await ctx.signInLimiter.consumeSignup(ctx.clientIp);
  if (verdict.blocked)
    throw new ServiceError(
      "RATE_LIMITED",
      `too many sign-ups from your address; try again in ${verdict.retryAfterSecs} s`,
      {
        retryAfterSecs: verdict.retryAfterSecs,
      },
    );
  const { user } = await createUser({
    ctx,
    input: {
      email: input.email,
      password: input.password,
      name: input.name,
      onlyAsOwner: ctx.signup === "first",
    },
  });
  return { id: user.id, email: user.email };
}
