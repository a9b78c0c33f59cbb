import { CheckCircle2, CircleOff, MailWarning, XCircle } from "lucide-react";
import { Pill } from "@/components/ui/panel";

/**
 * A channel's health in words: working, failing (the receiver keeps refusing), unconfirmed (an
 * address has not clicked its confirmation link yet) or disabled.
 */
export function ChannelStatus({
  enabled,
  failing,
  unconfirmed = false,
}: {
  enabled: boolean;
  failing: boolean;
  unconfirmed?: boolean;
}) {
  if (!enabled)
    return (
      <Pill
        label="Disabled"
        icon={CircleOff}
        status="disabled"
        className="bg-zinc-50 text-zinc-600 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300"
      />
    );
  if (failing)
    return (
      <Pill
        label="Failing"
        icon={XCircle}
        status="failing"
        className="bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950/40 dark:text-red-300"
      />
    );
  if (unconfirmed)
    return (
      <Pill
        label="Unconfirmed"
        icon={MailWarning}
        status="unconfirmed"
        className="bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950/40 dark:text-amber-300"
      />
    );
  return (
    <Pill
      label="Working"
      icon={CheckCircle2}
      status="ok"
      className="bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/40 dark:text-emerald-300"
    />
  );
}
