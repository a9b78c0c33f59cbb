import type { Metadata } from "next";
import { ConfirmEmailCard } from "@/components/alerts/confirm-email-card";
import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { isServiceError } from "@/server/services/errors";
import {
  findEmailConfirmation,
  type EmailConfirmationView,
} from "@/server/services/alerts/confirm-email";
import { confirmEmailAction } from "./actions";

export const dynamic = "force-dynamic";
// The token is in the path: no search engine, no Referer.
export const metadata: Metadata = {
  title: "Confirm email alerts",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let found: EmailConfirmationView | null = null;
  try {
    found = await findEmailConfirmation({
      ctx: { db: getRuntime().db, now: systemClock },
      input: { token },
    });
  } catch (err) {
    if (!isServiceError(err)) throw err;
  }
  return <ConfirmEmailCard confirmation={found} confirm={confirmEmailAction.bind(null, token)} />;
}
