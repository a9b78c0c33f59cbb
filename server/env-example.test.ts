import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, loadConfig } from "@/server/config";

const example = readFileSync(path.resolve(import.meta.dirname, "../.env.example"), "utf8");
const lines = example.split("\n");
const entries = lines.flatMap((line, i) => {
  const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
  return match
    ? [{ key: match[1] as string, value: match[2] as string, comment: lines[i - 1] }]
    : [];
});

describe(".env.example", () => {
  it("lists every variable of the environment schema, once, and nothing else", () => {
    const keys = entries.map((e) => e.key);
    expect([...keys].sort()).toEqual(Object.keys(envSchema.shape).sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("puts a one-line comment above each variable", () => {
    for (const { key, comment } of entries) expect(comment, key).toMatch(/^# \S.{10,}$/);
  });

  it("shows the defaults: read as it stands, it configures Vigil exactly as an empty environment does", () => {
    const env = Object.fromEntries(entries.map((e) => [e.key, e.value]));
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });
});
