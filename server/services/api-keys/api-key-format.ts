import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "vgl_";

/** A new key: `vgl_` + 43 URL-safe characters (256 random bits). */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** Keys carry 256 bits of entropy, so a plain SHA-256 is a safe, fast lookup hash. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const displayPrefix = (key: string) => key.slice(0, API_KEY_PREFIX.length + 6);
