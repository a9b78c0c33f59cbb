"use client";

import { Stat } from "@/components/ui/panel";
import { useReader } from "@/components/ui/use-reader";
import { formatCount } from "@/server/domain/format/count";
import type { Overview } from "@/server/services/overview/get-overview";

/** How busy the workspace is: checks and pings per minute, recently. */
export function PaceFigures({ pace }: { pace: Overview["pace"] }) {
  const { locale } = useReader();
  const count = (n: number) => formatCount(n, locale);
  return (
    <section aria-labelledby="pace" className="min-w-0">
      <h2 id="pace" className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Pace
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        <Stat
          label="Checks per minute"
          value={count(pace.checksPerMin)}
          hint={`${count(pace.checks)} in the last ${pace.windowMins} min`}
          testId="checks-per-minute"
        />
        <Stat
          label="Pings per minute"
          value={count(pace.pingsPerMin)}
          hint={`${count(pace.pings)} in the last ${pace.windowMins} min`}
          testId="pings-per-minute"
        />
      </dl>
    </section>
  );
}
