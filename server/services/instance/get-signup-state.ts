import type { ServiceCtx } from "@/server/services/context";
import { ServiceError } from "@/server/services/errors";
import {
  SIGNUP_CLOSED_MESSAGE,
  isSignupOpen,
  type SignupPolicy,
} from "@/server/domain/instance/access-policy";
import { findInstanceOwnerId } from "@/server/services/instance/instance-owner";

export type SignupState = { isOpen: boolean; hasOwner: boolean };

/** Whether a visitor may create an account on their own right now. */
export async function getSignupState({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { signup: SignupPolicy };
}): Promise<SignupState> {
  const hasOwner = (await findInstanceOwnerId(ctx.db)) !== null;
  return { isOpen: isSignupOpen(input.signup, hasOwner), hasOwner };
}

export const signupClosed = () => new ServiceError("FORBIDDEN", SIGNUP_CLOSED_MESSAGE);
