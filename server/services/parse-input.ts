import type { z } from "zod";
import { badInput } from "@/server/services/errors";

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Parses a service's input; the first problem becomes a BAD_INPUT naming the field (snake_case). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = (issue?.path ?? [])
    .map((p) => (typeof p === "string" ? snake(p) : `[${String(p)}]`))
    .join(".");
  if (issue?.code === "unrecognized_keys")
    throw badInput(field || "body", `unknown field ${issue.keys.map(snake).join(", ")}`);
  throw badInput(
    field || "body",
    field ? `${field}: ${issue?.message}` : (issue?.message ?? "invalid input"),
  );
}
