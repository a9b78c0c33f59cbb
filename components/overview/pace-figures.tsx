import { Stat } from "@/components/ui/panel";
import type { Overview } from "@/server/services/overview/get-overview";

const perMinute = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 1 });

/** How busy the workspace is: checks and pings per minute, recently. */
export function PaceFigures({ pace }: { pace: Overview["pace"] }) {
  return (
    <section aria-labelledby="pace" className="min-w-0">
      <h2 id="pace" className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Pace
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        <Stat
          label="Checks per minute"
          value={perMinute(pace.checksPerMin)}
          hint={`${pace.checks.toLocaleString()} in the last ${pace.windowMins} min`}
          testId="checks-per-minute"
        />
        <Stat
          label="Pings per minute"
          value={perMinute(pace.pingsPerMin)}
          hint={`${pace.pings.toLocaleString()} in the last ${pace.windowMins} min`}
          testId="pings-per-minute"
        />
      </dl>
    </section>
  );
}
