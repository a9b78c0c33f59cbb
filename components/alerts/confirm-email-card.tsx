import { CheckCircle2, Mail } from "lucide-react";
import { AuthCard } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import type { EmailConfirmationView } from "@/server/services/alerts/confirm-email";

const Detail = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col gap-0.5 py-2">
    <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
    <dd className="min-w-0 font-medium wrap-anywhere">{value}</dd>
  </div>
);

/** What a recipient sees from the confirmation link: what they would agree to, then that they did. */
export function ConfirmEmailCard({
  confirmation: c,
  confirm,
}: {
  confirmation: EmailConfirmationView | null;
  confirm: () => Promise<void>;
}) {
  if (!c)
    return (
      <AuthCard
        title="This link is not valid"
        subtitle="It may have been replaced by a newer email, or the address was taken off the channel."
        footer="Nothing will be sent to you because of this link."
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          If you expected alerts, ask the person who added you to send the confirmation again.
        </p>
      </AuthCard>
    );
  const details = (
    <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      <Detail label="Address" value={c.email} />
      <Detail label="Channel" value={c.channelName} />
      <Detail label="Workspace" value={c.workspaceName} />
    </dl>
  );
  if (c.confirmed)
    return (
      <AuthCard
        title="Address confirmed"
        subtitle="This channel's alerts will now reach you by email."
        footer="You can close this page."
      >
        <p
          role="status"
          className="mb-4 flex items-center gap-2 text-sm font-medium text-emerald-700 dark:text-emerald-400"
        >
          <CheckCircle2 className="size-4 shrink-0" aria-hidden="true" /> Confirmed
        </p>
        {details}
      </AuthCard>
    );
  return (
    <AuthCard
      title="Confirm email alerts"
      subtitle="Someone added your address to a Vigil alert channel. Vigil sends it nothing unless you confirm."
      footer="Not expecting this? Close this page: nothing will be sent to you."
    >
      <p className="mb-2 flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <Mail className="size-4 shrink-0" aria-hidden="true" /> Waiting for your answer
      </p>
      {details}
      <form action={confirm} className="mt-6">
        <Button type="submit" className="w-full">
          Confirm
        </Button>
      </form>
    </AuthCard>
  );
}
