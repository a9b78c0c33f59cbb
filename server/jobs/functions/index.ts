import type { InngestFunction } from "inngest";

/** Functions served at /api/inngest. Checks, deadlines and alerts register here as they land. */
export const functions: InngestFunction.Any[] = [];
