import Link from "next/link";
import { RelativeTime } from "@/components/ui/time-text";
import { subjectHref } from "@/components/overview/subject-link";
import { flipWords } from "@/server/domain/overview/flip-words";
import type { Overview } from "@/server/services/overview/get-overview";

const TONE: Record<string, string> = {
  down: "text-red-700 dark:text-red-300",
  missing: "text-red-700 dark:text-red-300",
  failed: "text-red-700 dark:text-red-300",
  degraded: "text-amber-700 dark:text-amber-300",
  late: "text-amber-700 dark:text-amber-300",
  up: "text-emerald-700 dark:text-emerald-300",
};

/** The last state changes in the workspace, newest first, in the badges' words. */
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
          {flips.map((f) => {
            const words = flipWords(f);
            return (
              <li key={f.id} data-testid="flip" data-state={f.to}>
                <Link
                  href={subjectHref(f.subjectKind, f.subjectId)}
                  className="block min-h-11 px-4 py-2.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
                >
                  <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      <span className="font-medium">{f.subjectName || "A deleted subject"}</span>{" "}
                      <span
                        className={`font-medium ${TONE[f.to] ?? "text-zinc-700 dark:text-zinc-300"}`}
                      >
                        {words.change}
                      </span>
                    </span>
                    <RelativeTime at={f.at} className="text-xs text-zinc-500 dark:text-zinc-400" />
                  </span>
                  <span
                    className="mt-0.5 line-clamp-2 text-xs text-zinc-600 [overflow-wrap:anywhere] dark:text-zinc-400"
                    title={f.reason ?? undefined}
                  >
                    {f.reason ? `${words.before} · ${f.reason}` : words.before}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
