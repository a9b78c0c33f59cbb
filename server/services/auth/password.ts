import { hash, verify } from "@node-rs/argon2";
import { badInput } from "@/server/services/errors";

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Memory-hard, ~20 ms here.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const PASSWORD_MIN = 8;
const PASSWORD_MAX = 256;

const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "qwerty123",
  "iloveyou",
  "letmein1",
  "11111111",
  "00000000",
  "abcdefgh",
  "abc12345",
  "welcome1",
  "changeme",
  "vigil123",
]);

/** Returns why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `password must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `password must be at most ${PASSWORD_MAX} characters`;
  if (COMMON.has(password.toLowerCase())) return "password is too common";
  if (new Set(password).size < 4) return "password is too repetitive";
  return null;
}

export function assertStrongPassword(password: string): void {
  const weakness = passwordWeakness(password);
  if (weakness) throw badInput("password", weakness);
}

export const hashPassword = async (password: string) => hash(password, ARGON2);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real verification, so an unknown email is not told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("vigil-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
