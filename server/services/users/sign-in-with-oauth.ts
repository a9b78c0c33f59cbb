import { and, eq } from "drizzle-orm";
import { accounts, users } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { createUser } from "@/server/services/users/create-user";
import { findUserByEmail } from "@/server/services/users/find-user-by-email";
import { conflict, badInput } from "@/server/services/errors";
import type { SignupPolicy } from "@/server/domain/instance/access-policy";
import { getSignupState, signupClosed } from "@/server/services/instance/get-signup-state";

export type OAuthProfile = {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
};

/**
 * The user linked to an OAuth identity, created on first sign-in. An existing password account with
 * the same email is never linked automatically: the provider's email could be unverified. A new
 * identity is an account like a sign-up, so it is refused (FORBIDDEN) while sign-up is closed.
 */
export async function signInWithOAuth({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: OAuthProfile & { signup: SignupPolicy };
}): Promise<{ id: string; email: string; name: string | null }> {
  const [linked] = await ctx.db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(
      and(
        eq(accounts.provider, input.provider),
        eq(accounts.providerAccountId, input.providerAccountId),
      ),
    )
    .limit(1);
  if (linked) return linked;
  if (!(await getSignupState({ ctx, input: { signup: input.signup } })).isOpen)
    throw signupClosed();
  if (!input.email) throw badInput("email", `your ${input.provider} account has no public email`);
  if (await findUserByEmail(ctx.db, input.email))
    throw conflict(
      "an account with this email already exists: sign in with your password",
      "email",
    );
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const { user } = await createUser({
      ctx: txCtx,
      input: {
        email: input.email ?? "",
        name: input.name ?? undefined,
        passwordRequired: false,
        onlyAsOwner: input.signup === "first",
      },
    });
    await tx.insert(accounts).values({
      provider: input.provider,
      providerAccountId: input.providerAccountId,
      userId: user.id,
    });
    return user;
  });
}
