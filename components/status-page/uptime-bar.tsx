"use client";

import { useId, useState, type KeyboardEvent, type PointerEvent } from "react";
import { DAY_MS } from "@/server/domain/status-pages/daily-uptime";

type Props = {
  name: string;
  firstDay: string;
  /** Per day: uptime in hundredths of a percent, or null (no data). */
  days: (number | null)[];
  dayIncidents: [number, number][];
  /** How many of the most recent days to draw. */
  show: number;
  className?: string;
};

const colour = (bp: number | null) =>
  bp === null
    ? "var(--bar-none)"
    : bp >= 10_000
      ? "var(--bar-ok)"
      : bp >= 9_900
        ? "var(--bar-warn)"
        : "var(--bar-down)";

export const dayLabel = (firstDay: string, index: number) =>
  new Date(Date.parse(firstDay) + index * DAY_MS).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });

export const percentText = (bp: number | null) =>
  bp === null ? "No data" : `${bp >= 10_000 ? "100" : (bp / 100).toFixed(2)}% uptime`;

/** One element per service: the days are a CSS gradient, the gaps a mask, the details one tooltip. */
function gradient(days: (number | null)[]): string {
  const n = days.length;
  const stops: string[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && colour(days[i]!) === colour(days[start]!)) continue;
    const c = colour(days[start]!);
    stops.push(`${c} ${((start / n) * 100).toFixed(3)}% ${((i / n) * 100).toFixed(3)}%`);
    start = i;
  }
  return `linear-gradient(90deg, ${stops.join(", ")})`;
}

export function UptimeBar({ name, firstDay, days, dayIncidents, show, className }: Props) {
  const offset = Math.max(0, days.length - show);
  const visible = days.slice(offset);
  const n = visible.length;
  const [active, setActive] = useState<number | null>(null);
  const tipId = useId();
  const incidents = new Map(dayIncidents);
  const bad = visible.filter((d) => d !== null && d < 10_000).length;
  const summary = `${name}, last ${n} days: ${bad === 0 ? "no downtime" : `downtime on ${bad} ${bad === 1 ? "day" : "days"}`}. Use the arrow keys for each day.`;

  const pick = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setActive(Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * n))));
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, Home: -n, End: n }[e.key];
    if (step === undefined) return e.key === "Escape" ? setActive(null) : undefined;
    e.preventDefault();
    setActive((a) => Math.min(n - 1, Math.max(0, (a ?? n - 1) + step)));
  };

  const day = active === null ? null : offset + active;
  return (
    <div className={`relative ${className ?? ""}`}>
      <div
        role="img"
        tabIndex={0}
        aria-label={summary}
        aria-describedby={active === null ? undefined : tipId}
        className="uptime-bar h-8 w-full cursor-crosshair rounded-[3px] outline-offset-4"
        style={{ backgroundImage: gradient(visible), ["--bar-days" as string]: n }}
        onPointerMove={pick}
        onPointerDown={pick}
        onPointerLeave={() => setActive(null)}
        onFocus={() => setActive((a) => a ?? n - 1)}
        onBlur={() => setActive(null)}
        onKeyDown={onKey}
      />
      {day !== null && active !== null ? (
        <div
          id={tipId}
          role="tooltip"
          className="pointer-events-none absolute bottom-full z-10 mb-2 w-max max-w-[14rem] -translate-x-1/2 rounded-lg bg-zinc-900 px-3 py-2 text-xs text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
          style={{ left: `clamp(4.5rem, ${((active + 0.5) / n) * 100}%, calc(100% - 4.5rem))` }}
        >
          <p className="font-medium">{dayLabel(firstDay, day)}</p>
          <p className="tabular-nums">{percentText(days[day] ?? null)}</p>
          <p>
            {incidents.get(day)
              ? `${incidents.get(day)} ${incidents.get(day) === 1 ? "incident" : "incidents"}`
              : "No incidents"}
          </p>
        </div>
      ) : null}
    </div>
  );
}
