/** Whether a database error (postgres or PGlite, possibly wrapped by Drizzle) is a unique violation. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let err: unknown = e, depth = 0; err && depth < 4; depth++) {
    const {
      code,
      constraint: name,
      constraint_name,
    } = err as {
      code?: unknown;
      constraint?: unknown;
      constraint_name?: unknown;
    };
    if (code === "23505")
      return !constraint || name === constraint || constraint_name === constraint;
    err = (err as { cause?: unknown }).cause;
  }
  return false;
}
