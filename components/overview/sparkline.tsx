import clsx from "clsx";
import type { SparkCheck } from "@/server/services/overview/overview-activity";
import type { PingKind } from "@/server/domain/heartbeats/heartbeat-state";

const WIDTH = 120;
const HEIGHT = 28;

/** Recent response times as bars, failed checks in red at full height. */
export function CheckSparkline({ checks, slots }: { checks: SparkCheck[]; slots: number }) {
  if (checks.length === 0) return <EmptySpark text="No checks yet" />;
  const max = Math.max(1, ...checks.filter((c) => c.ok).map((c) => c.ms));
  const step = WIDTH / slots;
  const offset = (slots - checks.length) * step;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-7 w-full rounded-sm bg-zinc-100 dark:bg-zinc-800/60"
      preserveAspectRatio="none"
      role="img"
      aria-label={`Last ${checks.length} checks, ${checks.filter((c) => !c.ok).length} failed`}
    >
      {checks.map((c, i) => {
        const h = c.ok ? Math.max(2, (c.ms / max) * HEIGHT) : HEIGHT;
        return (
          <rect
            key={i}
            x={offset + i * step + 0.5}
            y={HEIGHT - h}
            width={Math.max(1, step - 1)}
            height={h}
            rx={0.5}
            className={c.ok ? "fill-emerald-500/70" : "fill-red-500"}
          />
        );
      })}
    </svg>
  );
}

const PING_LOOK: Record<PingKind, string> = {
  success: "bg-emerald-500",
  fail: "bg-red-500",
  start: "bg-sky-400",
  log: "bg-zinc-400",
};

/** Recent pings as ticks: success, failure, start or log. */
export function PingSparkline({ pings, slots }: { pings: PingKind[]; slots: number }) {
  if (pings.length === 0) return <EmptySpark text="No pings yet" />;
  const failed = pings.filter((p) => p === "fail").length;
  return (
    <div
      className="flex h-7 w-full items-end justify-end gap-px rounded-sm bg-zinc-100 dark:bg-zinc-800/60"
      role="img"
      aria-label={`Last ${pings.length} pings, ${failed} failed`}
    >
      {pings.map((kind, i) => (
        <span
          key={i}
          className={clsx("rounded-sm", PING_LOOK[kind], kind === "success" ? "h-full" : "h-4/5")}
          style={{ width: `${100 / slots}%` }}
        />
      ))}
    </div>
  );
}

function EmptySpark({ text }: { text: string }) {
  return (
    <span className="flex h-7 items-center text-xs text-zinc-500 dark:text-zinc-400">{text}</span>
  );
}
