import { and, eq, isNull, lte, or } from "drizzle-orm";
import { emailConfirmations } from "@/db/schema";
import type { SendingCtx } from "@/server/services/context";
import { conflict, ServiceError } from "@/server/services/errors";
import { formatDuration } from "@/server/domain/format/duration";
import { findChannel } from "@/server/services/alerts/manage-channels";
import {
  hashConfirmationToken,
  newConfirmationToken,
  sendConfirmations,
} from "@/server/services/alerts/email-confirmations";

/** A pending address is mailed again at most this often. */
const RESEND_AFTER_MS = 5 * 60_000;

/**
 * Mails each pending address of a channel a new link (the old one stops working), unless one went
 * out in the last few minutes. Returns what happened to each mail.
 */
export async function resendConfirmation({
  ctx,
  input: { channelId },
}: {
  ctx: SendingCtx;
  input: { channelId: string };
}): Promise<{ email: string; error: string | null }[]> {
  const channel = await findChannel(ctx.db, ctx.workspaceId, channelId);
  const now = ctx.now();
  const pending = await ctx.db
    .select()
    .from(emailConfirmations)
    .where(
      and(eq(emailConfirmations.channelId, channel.id), isNull(emailConfirmations.confirmedAt)),
    );
  if (pending.length === 0)
    throw conflict(
      "Every address of this channel has confirmed already: there is nothing to resend.",
    );
  const cutoff = new Date(now.getTime() - RESEND_AFTER_MS);
  const fresh: { id: string; email: string; token: string }[] = [];
  for (const row of pending) {
    const token = newConfirmationToken();
    // Compare-and-swap on sent_at: two clicks at once mail the address once.
    const [claimed] = await ctx.db
      .update(emailConfirmations)
      .set({ tokenHash: hashConfirmationToken(token), sentAt: now })
      .where(
        and(
          eq(emailConfirmations.id, row.id),
          isNull(emailConfirmations.confirmedAt),
          or(isNull(emailConfirmations.sentAt), lte(emailConfirmations.sentAt, cutoff)),
        ),
      )
      .returning({ id: emailConfirmations.id });
    if (claimed) fresh.push({ id: row.id, email: row.email, token });
  }
  if (fresh.length === 0) {
    const last = Math.max(...pending.map((p) => p.sentAt?.getTime() ?? 0));
    const secs = Math.max(1, Math.ceil((last + RESEND_AFTER_MS - now.getTime()) / 1000));
    throw new ServiceError(
      "RATE_LIMITED",
      `A confirmation email went out less than ${RESEND_AFTER_MS / 60_000} minutes ago; please try again in ${formatDuration(secs * 1000)}.`,
      { retryAfterSecs: secs },
    );
  }
  return sendConfirmations({ ctx, channel, fresh, deps: ctx.alerts });
}
