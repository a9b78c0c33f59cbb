import clsx from "clsx";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** A titled section of a detail page. */
export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      className="min-w-0 rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      aria-label={title}
    >
      <h2 className="border-b border-zinc-200 px-5 py-3 text-sm font-medium dark:border-zinc-800">
        {title}
      </h2>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

/** One figure in a row of figures (inside a <dl>). */
export function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  testId?: string;
}) {
  return (
    <div className="min-w-0 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</dd> : null}
    </div>
  );
}

/** A state in words with an icon; colour is only the third cue. */
export function Pill({
  label,
  className,
  icon: Icon,
  status,
}: {
  label: string;
  className: string;
  icon: LucideIcon;
  status: string;
}) {
  return (
    <span
      className={clsx(
        "inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        className,
      )}
      data-status={status}
    >
      <Icon className="size-3" aria-hidden="true" />
      {label}
    </span>
  );
}
