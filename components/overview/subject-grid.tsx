import Link from "next/link";
import { formatMs } from "@/server/domain/format/duration";
import { RelativeTime } from "@/components/ui/time-text";
import { SubjectBadge } from "@/components/overview/subject-badge";
import { CheckSparkline, PingSparkline } from "@/components/overview/sparkline";
import { subjectHref } from "@/components/overview/subject-link";
import type { Overview } from "@/server/services/overview/get-overview";

const CHECK_SLOTS = 30;
const PING_SLOTS = 20;

/** Every monitor and heartbeat as a small live card: state, recent checks or pings. */
export function SubjectGrid({ tiles }: { tiles: Overview["tiles"] }) {
  return (
    <section aria-labelledby="all-subjects" className="mt-8">
      <h2 id="all-subjects" className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Monitors and heartbeats
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map((t) => (
          <li key={`${t.kind}:${t.id}`} className="min-w-0">
            <Link
              href={subjectHref(t.kind, t.id)}
              className="flex h-full min-h-11 flex-col gap-2 rounded-xl border border-zinc-200 bg-white p-4 transition-colors hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
              data-testid="subject-tile"
              data-kind={t.kind}
              data-state={t.state}
            >
              <span
                className="line-clamp-2 text-sm font-medium [overflow-wrap:anywhere]"
                title={t.name}
              >
                {t.name}
              </span>
              <span className="flex flex-wrap items-center justify-between gap-2">
                <SubjectBadge tile={t} />
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {t.kind === "monitor" ? (
                    formatMs(t.responseMs)
                  ) : t.lastPingAt ? (
                    <RelativeTime at={t.lastPingAt} />
                  ) : (
                    "never pinged"
                  )}
                </span>
              </span>
              {t.kind === "monitor" ? (
                <CheckSparkline checks={t.checks} slots={CHECK_SLOTS} />
              ) : (
                <PingSparkline pings={t.pings} slots={PING_SLOTS} />
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
