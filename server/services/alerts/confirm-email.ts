import { and, eq, isNull } from "drizzle-orm";
import { channels, emailConfirmations, workspaces } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { hashConfirmationToken } from "@/server/services/alerts/email-confirmations";

export type EmailConfirmationView = {
  email: string;
  channelName: string;
  workspaceName: string;
  confirmed: boolean;
};

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** What a confirmation link is about; an unknown, replaced or removed link is "not found". */
export async function findEmailConfirmation({
  ctx,
  input: { token },
}: {
  ctx: ServiceCtx;
  input: { token: string };
}): Promise<EmailConfirmationView> {
  if (!TOKEN.test(token)) throw notFound("this link is not valid");
  const [row] = await ctx.db
    .select({
      email: emailConfirmations.email,
      confirmedAt: emailConfirmations.confirmedAt,
      channelName: channels.name,
      workspaceName: workspaces.name,
    })
    .from(emailConfirmations)
    .innerJoin(channels, eq(channels.id, emailConfirmations.channelId))
    .innerJoin(workspaces, eq(workspaces.id, emailConfirmations.workspaceId))
    .where(eq(emailConfirmations.tokenHash, hashConfirmationToken(token)));
  if (!row) throw notFound("this link is not valid");
  return {
    email: row.email,
    channelName: row.channelName,
    workspaceName: row.workspaceName,
    confirmed: row.confirmedAt !== null,
  };
}

/** The address behind the link agrees to receive its channel's alerts (a second click changes nothing). */
export async function confirmEmail({
  ctx,
  input: { token },
}: {
  ctx: ServiceCtx;
  input: { token: string };
}): Promise<EmailConfirmationView> {
  if (!TOKEN.test(token)) throw notFound("this link is not valid");
  await ctx.db
    .update(emailConfirmations)
    .set({ confirmedAt: ctx.now() })
    .where(
      and(
        eq(emailConfirmations.tokenHash, hashConfirmationToken(token)),
        isNull(emailConfirmations.confirmedAt),
      ),
    );
  return findEmailConfirmation({ ctx, input: { token } });
}
