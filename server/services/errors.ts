export type ServiceErrorCode =
  "BAD_INPUT" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED";

/** A typed failure a service reports to its caller; its message is safe to show to the user. */
export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details: { field?: string; retryAfterSecs?: number } = {},
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string) =>
  new ServiceError("BAD_INPUT", message, { field });
export const notFound = (what = "not found") => new ServiceError("NOT_FOUND", what);
export const conflict = (message: string, field?: string) =>
  new ServiceError("CONFLICT", message, { field });

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;
