import type { z } from "zod";
import { badInput } from "@/server/services/errors";
import { describeIssue } from "@/server/domain/validation/validation-issues";

/** Parses a service's input; the first problem becomes a BAD_INPUT naming the field (snake_case). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describeIssue(result.error.issues[0]);
  throw badInput(field || "body", message);
}
