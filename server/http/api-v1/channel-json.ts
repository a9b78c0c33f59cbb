import { maskReceiverUrl } from "@/server/alerts/mask-url";
import type { AlertLogEntry } from "@/server/services/alerts/list-alert-messages";
import { isFailing } from "@/server/services/alerts/manage-channels";
import { channelState } from "@/server/services/alerts/channel-view";
import type { ChannelWithRecipients } from "@/server/services/alerts/email-confirmations";
import {
  channelCreateBody,
  channelUpdateBody,
  type AlertMessageJson,
  type ChannelJson,
} from "@/server/http/api-v1/schemas/channels";
import { parseBody, toIso as iso } from "@/server/http/api-v1/schemas/shape";

/**
 * The channel as REST API v1 shows it: secrets (webhook secret, header values, the credential
 * parts of the URL) are write-only. An email channel lists each address and whether it confirmed.
 */
export function channelJson(c: ChannelWithRecipients): ChannelJson {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    url: c.kind === "email" ? null : maskReceiverUrl(c.kind, c.settings.url),
    to: c.kind === "email" ? (c.settings.to ?? null) : null,
    recipients:
      c.recipients?.map((r) => ({
        email: r.email,
        confirmed: r.confirmed,
        confirmation_sent_at: iso(r.sentAt),
      })) ?? null,
    status: channelState(c),
    header_names: Object.keys(c.settings.headers ?? {}),
    enabled: c.enabled,
    is_default: c.isDefault,
    has_secret: c.secret !== null,
    failing: isFailing(c),
    consecutive_failures: c.consecutiveFailures,
    last_error: c.lastError,
    last_delivered_at: iso(c.lastDeliveredAt),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export function alertMessageJson(m: AlertLogEntry): AlertMessageJson {
  return {
    id: m.id,
    channel_id: m.channelId,
    channel_name: m.channelName,
    kind: m.kind,
    subject_kind: m.subjectKind,
    subject_id: m.monitorId ?? m.heartbeatId,
    delivery: m.deliveryKey,
    flip_ids: m.flipIds,
    summary: m.summary,
    text: m.text,
    status: m.status,
    attempts: m.attempts,
    last_error: m.lastError,
    next_attempt_at: iso(m.nextAttemptAt),
    created_at: m.createdAt.toISOString(),
    delivered_at: iso(m.deliveredAt),
  };
}

export const parseCreateChannel = (body: unknown) => parseBody(channelCreateBody, body);
export const parseUpdateChannel = (body: unknown) => parseBody(channelUpdateBody, body);
