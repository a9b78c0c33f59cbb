import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { DateTime } from "@/components/ui/time-text";
import { subjectHref } from "@/components/overview/subject-link";
import type { Overview } from "@/server/services/overview/get-overview";

/** The last state changes in the workspace, newest first. */
export function FlipTimeline({ flips }: { flips: Overview["flips"] }) {
  return (
    <section aria-labelledby="recent-flips" className="min-w-0">
      <h2 id="recent-flips" className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Recent changes
      </h2>
      {flips.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">No state changes yet.</p>
      ) : (
        <ol className="mt-3 space-y-px overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          {flips.map((f) => (
            <li key={f.id} data-testid="flip">
              <Link
                href={subjectHref(f.subjectKind, f.subjectId)}
                className="block min-h-11 px-4 py-2.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="min-w-0 font-medium [overflow-wrap:anywhere]">
                    {f.subjectName || "Deleted"}
                  </span>
                  <DateTime at={f.at} className="text-xs text-zinc-500 dark:text-zinc-400" />
                </span>
                <span className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                  {f.from}
                  <ArrowRight className="size-3" aria-label="to" />
                  <span className="font-medium text-zinc-900 dark:text-zinc-100">{f.to}</span>
                  {f.reason ? (
                    <span className="w-full truncate" title={f.reason}>
                      {f.reason}
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
