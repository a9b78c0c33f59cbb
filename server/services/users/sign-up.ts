import type { ServiceCtx } from "@/server/services/context";
import type { SignInLimiter } from "@/server/services/auth/sign-in-limiter";
import { createUser, type CreateUserInput } from "@/server/services/users/create-user";
import { ServiceError } from "@/server/services/errors";

/** Self-service sign-up: allowed by the operator, limited per client address, then createUser. */
export async function signUp({
  ctx,
  input,
  policy,
}: {
  ctx: ServiceCtx;
  input: CreateUserInput;
  policy: { allowSignup: boolean; limiter: SignInLimiter; clientIp: string };
}): Promise<{ id: string; email: string }> {
  if (!policy.allowSignup)
    throw new ServiceError("FORBIDDEN", "sign-up is disabled on this Vigil; ask an operator");
  const verdict = await policy.limiter.consumeSignup(policy.clientIp);
  if (verdict.blocked)
    throw new ServiceError(
      "RATE_LIMITED",
      `too many sign-ups from your address; try again in ${verdict.retryAfterSecs} s`,
      {
        retryAfterSecs: verdict.retryAfterSecs,
      },
    );
  const { user } = await createUser({ ctx, input });
  return { id: user.id, email: user.email };
}
