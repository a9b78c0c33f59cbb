import { z } from "zod";
import { badInput, notFound } from "@/server/services/errors";

const emailSchema = z.email().max(254);

/** Trims and lower-cases an email; throws BAD_INPUT when it is not an email address. */
export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success)
    throw badInput("email", "email: Email must be an email address");
  return email;
}

/** An operator command named an email no account has. */
export const noUserWithEmail = (email: string) =>
  notFound(`There is no user with the email ${email.trim().toLowerCase()}.`);

/** An operator command acts on the workspace a user owns; this user owns none. */
export const ownsNoWorkspace = (email: string) =>
  notFound(
    `The user ${email} does not own a workspace; the command acts on the workspace a user owns.`,
  );
