import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { instanceSettings } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";

const SECRET_KEY = "auth_secret";

/**
 * The session-signing secret: the configured one, else one generated once and kept — in the data
 * dir on the embedded default, in the database on PostgreSQL (so every node shares it).
 */
export async function resolveAuthSecret({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { configured: string | undefined; kind: "pglite" | "postgres"; dataDir: string };
}): Promise<string> {
  if (input.configured) return input.configured;
  if (input.kind === "pglite")
    return readOrCreateSecretFile(path.join(input.dataDir, "auth-secret"));
  await ctx.db
    .insert(instanceSettings)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await ctx.db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, SECRET_KEY));
  if (!row) throw new Error("auth secret row missing after insert");
  return row.value;
}

async function readOrCreateSecretFile(file: string): Promise<string> {
  try {
    const existing = (await fs.readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const secret = randomBytes(32).toString("base64url");
  await fs.writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}
