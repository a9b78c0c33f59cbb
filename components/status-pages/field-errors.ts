import { formErrorsFrom } from "@/server/domain/validation/validation-issues";

export { sentence } from "@/server/domain/validation/validation-issues";

export type StatusPageField = "title" | "slug" | "description" | "visibility" | "form";
export type StatusPageFieldErrors = Partial<Record<StatusPageField, string>>;

const FIELDS = ["title", "slug", "description", "visibility"] as const;

/** Per-field messages from a tRPC error: input validation, a service's field error, or a taken slug. */
export const statusPageFieldErrors = (error: unknown): StatusPageFieldErrors =>
  formErrorsFrom(error, FIELDS, "Could not save the status page");
