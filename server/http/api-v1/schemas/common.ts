import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";

const errorSchema = z
  .strictObject({ error: z.string().meta({ description: "one line, in the caller's words" }) })
  .meta({ id: "Error" });

const jsonOf = (schema: z.ZodType) => ({ "application/json": { schema } });

/** A JSON answer with its description. */
export const answer = (description: string, schema: z.ZodType) => ({
  description,
  content: jsonOf(schema),
});
/** A required JSON request body. */
export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const noContent = (description: string) => ({ description });

const ERRORS = {
  400: "Invalid input; the message names the field",
  401: "Missing, unknown, revoked or expired API key",
  403: "This API key is read-only",
  404: "Not found, or not in this key's workspace",
  409: "Conflict (the message says with what)",
  413: "Request body over 256 KiB",
  429: "Too many requests; Retry-After says when to retry",
} as const;
type ErrorStatus = keyof typeof ERRORS;

/** Error answers (`{"error": "…"}`), each with the default prose unless given its own. */
export function errors(
  statuses: ErrorStatus[],
  prose: Partial<Record<ErrorStatus, string>> = {},
): ZodOpenApiResponsesObject {
  return Object.fromEntries(
    statuses.map((s) => [String(s), answer(prose[s] ?? ERRORS[s], errorSchema)]),
  );
}

/** Error answers of a read (GET) of one resource. */
export const readErrors = () => errors([400, 401, 404]);
/** Error answers of a write to one resource. */
export const writeErrors = (prose: Partial<Record<ErrorStatus, string>> = {}) =>
  errors([400, 401, 403, 404, 413], prose);
export const QUOTA =
  "This API key is read-only, or the workspace has reached its limit (the message names it and who can raise it)";

export const idParams = z.object({
  id: z.uuid().meta({ description: "the resource's id" }),
});

export const limitQuery = z.object({
  limit: z
    .int()
    .min(1)
    .default(50)
    .optional()
    .meta({ description: "how many, newest first; above 1000 is served as 1000" }),
});
