import { formatMs } from "@/server/domain/format/duration";

type Point = { at: Date; ms: number; status: string };

const W = 800;
const H = 160;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Response times of the last 24 hours as a line; failed checks are marked red along the bottom. */
export function ResponseTimeChart({ points }: { points: Point[] }) {
  if (points.length < 2)
    return (
      <p className="py-10 text-center text-sm text-zinc-500">
        Response times appear after a few checks.
      </p>
    );
  const t0 = points[0]?.at.getTime() ?? 0;
  const t1 = points.at(-1)?.at.getTime() ?? t0 + 1;
  const sorted = points.map((p) => p.ms).sort((a, b) => a - b);
  const max = Math.max(10, percentile(sorted, 0.99) * 1.15);
  const x = (at: Date) => ((at.getTime() - t0) / Math.max(1, t1 - t0)) * W;
  const y = (ms: number) => H - (Math.min(ms, max) / max) * (H - 8);
  const ok = points.filter((p) => p.status === "up");
  const line = ok
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.at).toFixed(1)},${y(p.ms).toFixed(1)}`)
    .join(" ");
  const area =
    ok.length > 1
      ? `${line} L${x(ok.at(-1)!.at).toFixed(1)},${H} L${x(ok[0]!.at).toFixed(1)},${H} Z`
      : "";
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-40 w-full"
        role="img"
        aria-label={`Response times: median ${formatMs(p50)}, p95 ${formatMs(p95)}`}
      >
        <line
          x1="0"
          x2={W}
          y1={y(p95)}
          y2={y(p95)}
          className="stroke-zinc-200 dark:stroke-zinc-800"
          strokeDasharray="4 4"
        />
        {area ? <path d={area} className="fill-brand-500/10" /> : null}
        {line ? (
          <path
            d={line}
            fill="none"
            className="stroke-brand-600 dark:stroke-brand-400"
            strokeWidth="1.5"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        {ok.length < 60
          ? ok.map((p) => (
              <circle
                key={`ok-${p.at.getTime()}`}
                cx={x(p.at)}
                cy={y(p.ms)}
                r="3"
                className="fill-brand-600 dark:fill-brand-400"
              />
            ))
          : null}
        {points
          .filter((p) => p.status !== "up")
          .map((p) => (
            <rect
              key={p.at.getTime()}
              x={x(p.at) - 1}
              y={H - 6}
              width="3"
              height="6"
              className="fill-red-500"
            />
          ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          Median{" "}
          <strong className="font-medium text-zinc-800 dark:text-zinc-200">{formatMs(p50)}</strong>
        </span>
        <span>
          p95{" "}
          <strong className="font-medium text-zinc-800 dark:text-zinc-200">{formatMs(p95)}</strong>
        </span>
        <span>{points.length} checks in 24 h</span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2 w-1 bg-red-500" aria-hidden="true" /> failed check
        </span>
      </figcaption>
    </figure>
  );
}
