import type { ServiceCtx } from "@/server/services/context";
import { burnPasswordCheck, verifyPassword } from "@/server/services/auth/password";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";

export type VerifiedUser = { id: string; email: string; name: string | null };

/** Returns the user when email and password match; null otherwise, without saying which was wrong. */
export async function verifyCredentials({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { email: string; password: string };
}): Promise<VerifiedUser | null> {
  const user = input.email.length <= 254 ? await findUserByEmail(ctx.db, input.email) : null;
  if (!user?.passwordHash || input.password.length > 1024) {
    await burnPasswordCheck(input.password.slice(0, 1024));
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
