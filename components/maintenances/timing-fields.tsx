"use client";

import clsx from "clsx";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useReader } from "@/components/ui/use-reader";

export type TimingState = {
  kind: "once" | "recurring";
  /** datetime-local values, in the viewer's zone. */
  start: string;
  end: string;
  schedule: string;
  duration: string;
  unitSecs: 60 | 3600;
  /** "" is the viewer's own zone. */
  tz: string;
};
type TimingErrors = Partial<
  Record<"startsAt" | "endsAt" | "schedule" | "durationSecs" | "tz", string>
>;

const pad = (n: number) => String(n).padStart(2, "0");
const localInput = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** A one-off window from this minute for an hour; weekly on Sunday 02:00 for two hours. */
export function defaultTiming(now: Date): TimingState {
  return {
    kind: "once",
    start: localInput(now),
    end: localInput(new Date(now.getTime() + 3_600_000)),
    schedule: "0 2 * * 0",
    duration: "2",
    unitSecs: 3600,
    tz: "",
  };
}

const isoOf = (local: string) => {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
};

/** The timing as the API takes it: times in ISO, the duration in seconds. */
export function timingInput(s: TimingState, browserZone: string) {
  const once = s.kind === "once";
  const amount = Number(s.duration);
  return {
    startsAt: once ? isoOf(s.start) : null,
    endsAt: once ? isoOf(s.end) : null,
    schedule: once ? null : s.schedule,
    durationSecs:
      once || s.duration.trim() === "" || !Number.isFinite(amount)
        ? null
        : Math.round(amount * s.unitSecs),
    tz: s.tz || browserZone,
  };
}

const KINDS = [
  { kind: "once", label: "One-off window", hint: "A start and an end" },
  { kind: "recurring", label: "Recurring", hint: "A cron schedule and a duration" },
] as const;

/** A one-off window (start, end) or a recurring one (cron, duration, time zone). */
export function TimingFields({
  value,
  errors,
  onChange,
}: {
  value: TimingState;
  errors: TimingErrors;
  onChange: (value: TimingState) => void;
}) {
  const reader = useReader();
  const set = (patch: Partial<TimingState>) => onChange({ ...value, ...patch });
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  const tz = value.tz || reader.timeZone;
  return (
    <div className="space-y-4">
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">When</legend>
        {KINDS.map((k) => (
          <label
            key={k.kind}
            className={clsx(
              "flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm",
              value.kind === k.kind
                ? "border-zinc-900 dark:border-zinc-100"
                : "border-zinc-300 dark:border-zinc-700",
            )}
          >
            <input
              type="radio"
              name="timing-kind"
              className="mt-0.5 accent-zinc-900 dark:accent-white"
              checked={value.kind === k.kind}
              onChange={() => set({ kind: k.kind })}
            />
            <span>
              <span className="block font-medium">{k.label}</span>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{k.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {value.kind === "once" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="maintenance-start"
            label="Starts"
            type="datetime-local"
            value={value.start}
            error={errors.startsAt}
            hint={`In your time zone (${reader.timeZone}).`}
            onChange={(e) => set({ start: e.target.value })}
          />
          <Field
            id="maintenance-end"
            label="Ends"
            type="datetime-local"
            value={value.end}
            error={errors.endsAt}
            hint="At most 7 days after the start."
            onChange={(e) => set({ end: e.target.value })}
          />
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field
              id="maintenance-schedule"
              label="Cron expression"
              value={value.schedule}
              error={errors.schedule}
              hint="Five fields: minute hour day month weekday. “0 2 * * 0” is Sundays at 02:00."
              onChange={(e) => set({ schedule: e.target.value })}
            />
          </div>
          <div className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2">
            <Field
              id="maintenance-duration"
              label="Each window lasts"
              type="number"
              min={1}
              step="any"
              inputMode="decimal"
              value={value.duration}
              error={errors.durationSecs}
              onChange={(e) => set({ duration: e.target.value })}
            />
            <SelectField
              id="maintenance-duration-unit"
              label="Unit"
              value={value.unitSecs}
              onChange={(e) => set({ unitSecs: Number(e.target.value) === 60 ? 60 : 3600 })}
            >
              <option value={60}>minutes</option>
              <option value={3600}>hours</option>
            </SelectField>
          </div>
          <SelectField
            id="maintenance-tz"
            label="Time zone"
            value={tz}
            error={errors.tz}
            onChange={(e) => set({ tz: e.target.value })}
          >
            {(zones.includes(tz) ? zones : [tz, ...zones]).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </div>
  );
}
