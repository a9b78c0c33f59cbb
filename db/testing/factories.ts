import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { systemClock } from "@/server/services/context";
import { createUser } from "@/server/services/users/create-user";

export const TEST_PASSWORD = "Correct-Horse-9";

export const uniqueEmail = (label = "user") =>
  `${label}-${randomBytes(5).toString("hex")}@example.com`;

/** A user with a personal workspace, created through the real sign-up service. */
export async function makeUser(
  db: Db,
  overrides: { email?: string; password?: string; name?: string } = {},
) {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? TEST_PASSWORD;
  const created = await createUser({
    ctx: { db, now: systemClock },
    input: { email, password, name: overrides.name },
  });
  return { ...created, email, password };
}
