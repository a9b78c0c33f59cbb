import { z } from "zod";
import { badInput } from "@/server/services/errors";

const emailSchema = z.email().max(254);

/** Trims and lower-cases an email; throws BAD_INPUT when it is not an email address. */
export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success)
    throw badInput("email", "email is not a valid address");
  return email;
}
