import { memberships, users, workspaces } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { assertStrongPassword, hashPassword } from "@/server/services/auth/password";
import { normaliseEmail } from "@/server/services/users/email";
import { conflict } from "@/server/services/errors";
import { claimInstanceOwner } from "@/server/services/instance/instance-owner";
import { signupClosed } from "@/server/services/instance/get-signup-state";

export type CreateUserInput = {
  email: string;
  password?: string;
  name?: string;
  /** False for an OAuth-linked account, which has no password. */
  passwordRequired?: boolean;
  /** Refuse (and write nothing) unless this account becomes the instance's owner. */
  onlyAsOwner?: boolean;
};

export type CreatedUser = {
  user: { id: string; email: string; name: string | null };
  workspace: { id: string; name: string };
  isInstanceOwner: boolean;
};

function personalWorkspaceName(email: string, name?: string): string {
  const who = name && name.length > 0 ? name : email.split("@")[0];
  return `${who}'s workspace`;
}

/**
 * Creates a user with a personal workspace they own; password is required unless OAuth-linked.
 * The instance's first account becomes its owner; with `onlyAsOwner` any later one is refused
 * (sign-up open to the first account only) and nothing is written.
 */
export async function createUser({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: CreateUserInput;
}): Promise<CreatedUser> {
  const { passwordRequired = true, onlyAsOwner = false } = input;
  const email = normaliseEmail(input.email);
  if (passwordRequired || input.password !== undefined) assertStrongPassword(input.password ?? "");
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const name = input.name && input.name.length > 0 ? input.name : null;
  const now = ctx.now();

  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name, passwordHash, passwordChangedAt: passwordHash ? now : null })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw conflict("an account with this email already exists", "email");
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: personalWorkspaceName(email, name ?? undefined) })
      .returning({ id: workspaces.id, name: workspaces.name });
    if (!workspace) throw new Error("workspace insert returned no row");
    await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId: user.id, role: "owner" });
    const isInstanceOwner = await claimInstanceOwner(tx, user.id, workspace.id);
    if (onlyAsOwner && !isInstanceOwner) throw signupClosed();
    return { user, workspace, isInstanceOwner };
  });
}
