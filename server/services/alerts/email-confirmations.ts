import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailConfirmations, users, workspaces, type Channel } from "@/db/schema";
import type { DeliveryDeps } from "@/server/alerts/channel-kind";
import { channelStrategies } from "@/server/alerts/channel-kinds";
import { renderConfirmationMail } from "@/server/alerts/confirmation-mail";
import { sameAddress } from "@/server/domain/alerts/recipients";
import type { ServiceCtx } from "@/server/services/context";
import { sendWithDeadline } from "@/server/services/alerts/send-with-deadline";
import {
  releaseConfirmationSlot,
  takeConfirmationSlot,
} from "@/server/services/alerts/confirmation-cooldown";

type RecipientStatus = { email: string; confirmed: boolean; sentAt: Date | null };
/** `recipients` is null for kinds that mail nobody (webhooks and the like). */
export type ChannelWithRecipients = Channel & { recipients: RecipientStatus[] | null };
/** A confirmation just created or renewed: its token exists only until it is mailed. */
export type FreshConfirmation = { id: string; email: string; token: string };

/** Why a message to a channel none of whose addresses confirmed is logged as not sent. */
export const NOT_CONFIRMED = "recipient not confirmed: nothing is sent until an address confirms";

const RECENTLY_MAILED =
  "this address was sent a confirmation less than 5 minutes ago: send it again later";

export const hashConfirmationToken = (token: string) =>
  createHash("sha256").update(token).digest("hex");
/** 256 random bits, in the link only; the database keeps its SHA-256. */
export const newConfirmationToken = () => randomBytes(32).toString("base64url");

const recipientsOf = (c: Channel) => channelStrategies[c.kind].recipients?.of(c.settings) ?? null;

/**
 * Makes a channel's confirmations match its addresses: a removed address loses its row (and its
 * link), a new one gets a pending row. Returns the new ones, to be mailed after commit.
 */
export async function syncConfirmations(
  tx: DbOrTx,
  channel: Channel,
  now: Date,
): Promise<FreshConfirmation[]> {
  const wanted = recipientsOf(channel) ?? [];
  const rows = await tx
    .select({ id: emailConfirmations.id, email: emailConfirmations.email })
    .from(emailConfirmations)
    .where(eq(emailConfirmations.channelId, channel.id));
  const stale = rows.filter((r) => !wanted.some((w) => sameAddress(w, r.email)));
  if (stale.length > 0)
    await tx.delete(emailConfirmations).where(
      inArray(
        emailConfirmations.id,
        stale.map((r) => r.id),
      ),
    );
  const added = wanted
    .filter((w) => !rows.some((r) => sameAddress(r.email, w)))
    .map((email) => ({ email, token: newConfirmationToken() }));
  if (added.length === 0) return [];
  const inserted = await tx
    .insert(emailConfirmations)
    .values(
      added.map((a) => ({
        workspaceId: channel.workspaceId,
        channelId: channel.id,
        email: a.email,
        tokenHash: hashConfirmationToken(a.token),
        createdAt: now,
      })),
    )
    // An edit committing the same address meanwhile mails it; this one then does not.
    .onConflictDoNothing()
    .returning({ id: emailConfirmations.id, email: emailConfirmations.email });
  return inserted.map((r) => ({
    id: r.id,
    email: r.email,
    token: added.find((a) => a.email === r.email)?.token ?? "",
  }));
}

/**
 * Mails each fresh confirmation its link (after commit, bounded by the send timeout) and records
 * when it went out; a mail that did not go out leaves `sent_at` empty, so it may be sent again.
 */
export async function sendConfirmations({
  ctx,
  channel,
  fresh,
  deps,
}: {
  ctx: ServiceCtx;
  channel: Channel;
  fresh: readonly FreshConfirmation[];
  deps: DeliveryDeps & { baseUrl: string };
}): Promise<{ email: string; error: string | null }[]> {
  if (fresh.length === 0) return [];
  const [workspace] = await ctx.db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, channel.workspaceId));
  const [actor] = ctx.actor
    ? await ctx.db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, ctx.actor.userId))
    : [];
  const addedBy = actor ? (actor.name ? `${actor.name} (${actor.email})` : actor.email) : null;
  return Promise.all(
    fresh.map(async (f) => {
      const payload = renderConfirmationMail({
        to: f.email,
        channelName: channel.name,
        workspaceName: workspace?.name ?? "",
        addedBy,
        link: `${deps.baseUrl}/confirm-email/${f.token}`,
      });
      let error: string | null = RECENTLY_MAILED;
      if (takeConfirmationSlot(f.email, ctx.now())) {
        error = await sendWithDeadline({ ...channel, settings: { to: f.email } }, payload, deps);
        if (error !== null) releaseConfirmationSlot(f.email);
      }
      await ctx.db
        .update(emailConfirmations)
        .set({ sentAt: error === null ? ctx.now() : null })
        .where(
          and(
            eq(emailConfirmations.id, f.id),
            eq(emailConfirmations.tokenHash, hashConfirmationToken(f.token)),
          ),
        );
      return { email: f.email, error };
    }),
  );
}

/** Each channel with its addresses, confirmed or pending, in the order its settings name them. */
export async function attachRecipients(
  db: DbOrTx,
  list: readonly Channel[],
): Promise<ChannelWithRecipients[]> {
  const mailing = list.filter((c) => recipientsOf(c) !== null);
  const rows =
    mailing.length === 0
      ? []
      : await db
          .select()
          .from(emailConfirmations)
          .where(
            inArray(
              emailConfirmations.channelId,
              mailing.map((c) => c.id),
            ),
          );
  return list.map((c) => ({
    ...c,
    recipients:
      recipientsOf(c)?.map((email) => {
        const row = rows.find((r) => r.channelId === c.id && sameAddress(r.email, email));
        return { email, confirmed: row?.confirmedAt != null, sentAt: row?.sentAt ?? null };
      }) ?? null,
  }));
}

/**
 * Each channel narrowed to the addresses that confirmed; `blocked` says why a channel that mails
 * people has nobody to send to.
 */
export async function narrowToConfirmed(
  db: DbOrTx,
  list: readonly Channel[],
): Promise<Map<string, { channel: Channel; blocked: string | null }>> {
  const mailing = list.filter((c) => recipientsOf(c) !== null);
  const confirmed =
    mailing.length === 0
      ? []
      : await db
          .select({ channelId: emailConfirmations.channelId, email: emailConfirmations.email })
          .from(emailConfirmations)
          .where(
            and(
              inArray(
                emailConfirmations.channelId,
                mailing.map((c) => c.id),
              ),
              isNotNull(emailConfirmations.confirmedAt),
            ),
          );
  return new Map(
    list.map((c) => {
      const hook = channelStrategies[c.kind].recipients;
      if (!hook) return [c.id, { channel: c, blocked: null }];
      const ok = hook
        .of(c.settings)
        .filter((a) => confirmed.some((r) => r.channelId === c.id && sameAddress(r.email, a)));
      return [
        c.id,
        ok.length === 0
          ? { channel: c, blocked: NOT_CONFIRMED }
          : { channel: { ...c, settings: hook.only(c.settings, ok) }, blocked: null },
      ];
    }),
  );
}
