"use server";

import { redirect } from "next/navigation";
import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { isServiceError } from "@/server/services/errors";
import { confirmEmail } from "@/server/services/alerts/confirm-email";

/** The button's POST: opening the link (as a mail scanner does) confirms nothing. */
export async function confirmEmailAction(token: string): Promise<void> {
  try {
    await confirmEmail({ ctx: { db: getRuntime().db, now: systemClock }, input: { token } });
  } catch (err) {
    // An unknown link: the page it returns to says so.
    if (!isServiceError(err)) throw err;
  }
  redirect(`/confirm-email/${encodeURIComponent(token)}`);
}
