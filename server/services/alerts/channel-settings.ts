import { z } from "zod";
import { TEXT_LIMITS } from "@/server/domain/validation/field-labels";
import { httpUrl } from "@/server/services/http-url";
import { channelKinds } from "@/server/domain/alerts/channel-kind";

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** One or more addresses, separated by commas. */
const recipients = z
  .string()
  .trim()
  .min(3)
  .max(1000)
  .refine((v) => v.split(",").every((a) => EMAIL.test(a.trim())), {
    error: "must be an email address (several: separated by commas)",
  });

/** Channel fields as a person or script may set them; `kind` decides which of url/to applies. */
const channelSettingsShape = {
  name: z.string().trim().min(1, { error: "must not be empty" }).max(TEXT_LIMITS.name),
  kind: z.enum(channelKinds, { error: `must be one of ${channelKinds.join(", ")}` }),
  url: httpUrl.nullable(),
  to: recipients.nullable(),
  headers: z
    .record(
      z.string().regex(HEADER_NAME, { error: "header names must be HTTP tokens" }),
      z
        .string()
        .max(4096)
        .refine((v) => !/[\r\n]/.test(v), { error: "header values must be one line" }),
    )
    .refine((h) => Object.keys(h).length <= 20, { error: "at most 20 headers" }),
  secret: z.string().min(16, { error: "must be at least 16 characters" }).max(256),
  enabled: z.boolean(),
  isDefault: z.boolean(),
};

export const createChannelInput = z.object({
  name: channelSettingsShape.name,
  kind: channelSettingsShape.kind,
  url: channelSettingsShape.url.optional(),
  to: channelSettingsShape.to.optional(),
  headers: channelSettingsShape.headers.optional(),
  secret: channelSettingsShape.secret.optional(),
  enabled: channelSettingsShape.enabled.default(true),
  isDefault: channelSettingsShape.isDefault.default(false),
});
export type CreateChannelInput = z.output<typeof createChannelInput>;

export const updateChannelInput = z
  .object({ ...channelSettingsShape, kind: channelSettingsShape.kind })
  .omit({ kind: true })
  .partial();
export type UpdateChannelInput = z.output<typeof updateChannelInput>;
