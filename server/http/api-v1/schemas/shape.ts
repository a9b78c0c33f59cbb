import { z } from "zod";
import { HttpError, parseWith } from "@/server/http/api-v1/respond";

type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? H extends Lowercase<H>
    ? `${H}${Snake<T>}`
    : `_${Lowercase<H>}${Snake<T>}`
  : S;
type SnakeShape<T> = { [K in keyof T as K extends string ? Snake<K> : K]: T[K] };

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A service's camelCase input shape under the API's snake_case names: same fields, same bounds. */
export function snakeShape<T extends z.ZodRawShape>(shape: T): SnakeShape<T> {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [snake(k), v])) as SnakeShape<T>;
}

/** Adds OpenAPI prose to some fields of a shape. */
export function describe<T extends z.ZodRawShape>(
  shape: T,
  prose: Partial<Record<keyof T, string>>,
): T {
  const out: Record<string, z.ZodType> = { ...(shape as unknown as Record<string, z.ZodType>) };
  for (const [k, text] of Object.entries(prose)) {
    const field = out[k];
    if (typeof text === "string" && field) out[k] = field.meta({ description: text });
  }
  return out as unknown as T;
}

type Camel<S extends string> = S extends `${infer H}_${infer T}`
  ? `${H}${Capitalize<Camel<T>>}`
  : S;
type CamelKeys<T> = { [K in keyof T as K extends string ? Camel<K> : K]: T[K] };

/**
 * Parses a request body with the resource's schema: a field the schema does not have is refused
 * by name, the first other problem names its field; the result is the service's camelCase input.
 */
export function parseBody<T extends z.ZodObject>(schema: T, body: unknown): CamelKeys<z.output<T>> {
  for (const key of Object.keys(body as Record<string, unknown>))
    if (!(key in schema.shape)) throw new HttpError(400, `unknown or read-only field ${key}`);
  const parsed = parseWith(schema, body) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [camel(k), v])) as CamelKeys<
    z.output<T>
  >;
}

const iso = () => z.iso.datetime();
/** An ISO 8601 time in UTC, as every timestamp of the API is written. */
export const timestamp = iso;
export const nullableTimestamp = (description?: string) =>
  description ? iso().nullable().meta({ description }) : iso().nullable();
export const toIso = (d: Date | null) => (d ? d.toISOString() : null);

/** `{ "<name>": [item, …] }`, the shape of every list answer. */
export const listOf = <K extends string, T extends z.ZodType>(name: K, item: T, id: string) =>
  z.strictObject({ [name]: z.array(item) } as { [P in K]: z.ZodArray<T> }).meta({ id });

/** A resource's create and patch bodies: the services' input shapes, snake_case, with prose. */
export function writeBodies<C extends z.ZodRawShape, U extends z.ZodRawShape>(
  id: string,
  shapes: { create: C; update: U },
  prose: Partial<Record<keyof SnakeShape<C> | keyof SnakeShape<U>, string>>,
) {
  return {
    create: z.strictObject(describe(snakeShape(shapes.create), prose)).meta({ id: `${id}Create` }),
    update: z.strictObject(describe(snakeShape(shapes.update), prose)).meta({ id: `${id}Update` }),
  };
}
