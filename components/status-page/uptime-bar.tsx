"use client";

import { useEffect, useId, useMemo, useState, type KeyboardEvent, type PointerEvent } from "react";
import { DAY_MS } from "@/server/domain/status-pages/daily-uptime";
import { decodeDayIncidents, decodeDays } from "@/server/domain/status-pages/page-view";
import { formatDate } from "@/server/domain/format/date-time";
import { formatBasisPoints } from "@/server/domain/format/percent";
import { formatDuration } from "@/server/domain/format/duration";
import { useReader } from "@/components/ui/use-reader";

type Props = {
  name: string;
  firstDay: string;
  /** encodeDays() of the per-day uptimes, oldest first. */
  days: string;
  /** encodeDayIncidents() of the days incidents touched. */
  incidentDays: string;
  /** encodeDayIncidents() of [day, seconds of maintenance], left out of that day's uptime. */
  maintenanceDays?: string;
};

const colour = (bp: number | null) =>
  bp === null
    ? "var(--bar-none)"
    : bp >= 10_000
      ? "var(--bar-ok)"
      : bp >= 9_900
        ? "var(--bar-warn)"
        : "var(--bar-down)";

// The bars are days in UTC, whoever reads them; only the language is the reader's.
const dayLabel = (firstDay: string, index: number, locale: string) =>
  formatDate(Date.parse(firstDay) + index * DAY_MS, { locale, timeZone: "UTC" });

const percentText = (bp: number | null, locale: string) =>
  bp === null ? "No data" : `${formatBasisPoints(bp, locale)} uptime`;

function gradient(days: (number | null)[]): string {
  const n = days.length;
  const stops: string[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && colour(days[i]!) === colour(days[start]!)) continue;
    stops.push(
      `${colour(days[start]!)} ${((start / n) * 100).toFixed(3)}% ${((i / n) * 100).toFixed(3)}%`,
    );
    start = i;
  }
  return `linear-gradient(90deg, ${stops.join(", ")})`;
}

const PHONE = "(max-width: 639px)";

/**
 * One element per service: the days are a CSS gradient drawn in the browser (in the HTML it would
 * cost kilobytes per service), the gaps a mask, the details one tooltip. 90 days; 30 on a phone.
 */
export function UptimeBar({ name, firstDay, days, incidentDays, maintenanceDays = "" }: Props) {
  const all = useMemo(() => decodeDays(days), [days]);
  const { locale } = useReader();
  const [show, setShow] = useState<number | null>(null);
  useEffect(() => {
    const phone = window.matchMedia(PHONE);
    const pick = () => setShow(phone.matches ? 30 : 90);
    pick();
    phone.addEventListener("change", pick);
    return () => phone.removeEventListener("change", pick);
  }, []);
  const [active, setActive] = useState<number | null>(null);
  const tipId = useId();

  const offset = Math.max(0, all.length - (show ?? all.length));
  const visible = all.slice(offset);
  const n = visible.length;
  const incidents = useMemo(() => new Map(decodeDayIncidents(incidentDays)), [incidentDays]);
  const maintenance = useMemo(
    () => new Map(decodeDayIncidents(maintenanceDays)),
    [maintenanceDays],
  );
  const bad = all.filter((d) => d !== null && d < 10_000).length;
  const summary = `${name}, last ${all.length} days: ${bad === 0 ? "no downtime" : `downtime on ${bad} ${bad === 1 ? "day" : "days"}`}. Arrow keys go through the days.`;

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
  const count = day === null ? 0 : (incidents.get(day) ?? 0);
  const maintained = day === null ? 0 : (maintenance.get(day) ?? 0);

  return (
    <div className="sp-bar-box">
      <div
        role="img"
        tabIndex={0}
        aria-label={summary}
        aria-describedby={active === null ? undefined : tipId}
        className="uptime-bar"
        style={
          show === null
            ? undefined
            : { backgroundImage: gradient(visible), ["--bar-days" as string]: n }
        }
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
          <p className="font-medium">{dayLabel(firstDay, day, locale)}</p>
          <p className="tabular-nums">{percentText(all[day] ?? null, locale)}</p>
          <p>{count ? `${count} ${count === 1 ? "incident" : "incidents"}` : "No incidents"}</p>
          {maintained ? (
            <p data-testid="bar-maintenance">
              {formatDuration(maintained * 1000)} of maintenance, left out of the uptime
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
