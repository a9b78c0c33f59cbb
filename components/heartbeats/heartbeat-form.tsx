"use client";

import { useState, type FormEvent } from "react";
import { Field, FormAlert } from "@/components/ui/field";
import { FieldShell, SelectField } from "@/components/ui/select-field";
import { alertDefaults, readAlertFields, type AlertValues } from "@/components/alerts/alert-fields";
import { FieldsSection, SubjectFormEnd } from "@/components/subjects/subject-form-parts";
import type { FormErrors, SubjectFormKind } from "@/components/subjects/subject-edit-shell";

export type HeartbeatFormValues = AlertValues & {
  name: string;
  intervalSecs: number | null;
  schedule: string | null;
  tz: string;
  graceSecs: number;
  maxRuntimeSecs: number | null;
};

export type HeartbeatFieldErrors = FormErrors<keyof HeartbeatFormValues>;

const control =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none max-sm:min-h-11 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

const UNITS = [
  ["60", "minutes"],
  ["3600", "hours"],
  ["86400", "days"],
  ["1", "seconds"],
] as const;

function split(secs: number): { value: number; unit: string } {
  for (const [unit] of UNITS)
    if (secs % Number(unit) === 0) return { value: secs / Number(unit), unit };
  return { value: secs, unit: "1" };
}

function Duration({
  id,
  label,
  secs,
  error,
  hint,
}: {
  id: string;
  label: string;
  secs: number;
  error?: string;
  hint?: string;
}) {
  const { value, unit } = split(secs);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <div className="flex gap-2">
        <input
          id={id}
          name={id}
          type="number"
          min={0}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          className={control}
        />
        <select
          id={`${id}Unit`}
          name={`${id}Unit`}
          aria-label={`${label} unit`}
          defaultValue={unit}
          className={`${control} w-auto`}
        >
          {UNITS.map(([v, name]) => (
            <option key={v} value={v}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </FieldShell>
  );
}

const secsOf = (form: FormData, id: string) =>
  Number(form.get(id) ?? 0) * Number(form.get(`${id}Unit`) ?? 1);

export const heartbeatDefaults: HeartbeatFormValues = {
  name: "",
  intervalSecs: 86_400,
  schedule: null,
  tz: "UTC",
  graceSecs: 3600,
  maxRuntimeSecs: null,
  ...alertDefaults,
};

export const heartbeatFormKind: SubjectFormKind<HeartbeatFormValues> = {
  noun: "heartbeat",
  href: "/dashboard/heartbeats",
  fields: [...(Object.keys(heartbeatDefaults) as (keyof HeartbeatFormValues)[]), "channelIds"],
};

/** Create/edit form: an interval or a cron schedule in a time zone, grace and an optional run limit. */
export function HeartbeatForm({
  initial,
  submitLabel,
  onSubmit,
  serverErrors,
}: {
  initial: HeartbeatFormValues;
  submitLabel: string;
  onSubmit: (values: HeartbeatFormValues) => Promise<void>;
  serverErrors: HeartbeatFieldErrors;
}) {
  const [kind, setKind] = useState<"interval" | "cron">(initial.schedule ? "cron" : "interval");
  const [pending, setPending] = useState(false);
  const errors = serverErrors;
  const zones =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const maxRuntime = String(form.get("maxRuntimeSecs") ?? "").trim();
    setPending(true);
    try {
      await onSubmit({
        name: String(form.get("name") ?? ""),
        intervalSecs: kind === "interval" ? secsOf(form, "intervalSecs") : null,
        schedule: kind === "cron" ? String(form.get("schedule") ?? "") : null,
        tz: kind === "cron" ? String(form.get("tz") ?? "UTC") : "UTC",
        graceSecs: secsOf(form, "graceSecs"),
        maxRuntimeSecs: maxRuntime === "" ? null : secsOf(form, "maxRuntimeSecs"),
        ...readAlertFields(form),
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="mt-8 space-y-6">
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <FieldsSection>
        <div className="sm:col-span-2">
          <Field
            id="name"
            name="name"
            label="Name"
            defaultValue={initial.name}
            placeholder="nightly-sync"
            required
            error={errors.name}
          />
        </div>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            The job runs
          </legend>
          <div className="mt-2 inline-flex rounded-lg border border-zinc-300 p-0.5 text-sm dark:border-zinc-700">
            {(["interval", "cron"] as const).map((k) => (
              <label
                key={k}
                className={`cursor-pointer rounded-md px-3 py-1.5 ${kind === k ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900" : ""}`}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="sr-only"
                />
                {k === "interval" ? "On an interval" : "On a cron schedule"}
              </label>
            ))}
          </div>
        </fieldset>
        {kind === "interval" ? (
          <Duration
            id="intervalSecs"
            label="Expect a ping every"
            secs={initial.intervalSecs ?? 86_400}
            error={errors.intervalSecs}
            hint="From 1 minute to 31 days."
          />
        ) : (
          <>
            <Field
              id="schedule"
              name="schedule"
              label="Cron expression"
              defaultValue={initial.schedule ?? "0 3 * * *"}
              className="font-mono"
              error={errors.schedule}
              hint="Five fields: minute hour day month weekday."
            />
            <SelectField
              id="tz"
              name="tz"
              label="Time zone"
              defaultValue={initial.tz}
              error={errors.tz}
            >
              {zones.map((z) => (
                <option key={z}>{z}</option>
              ))}
            </SelectField>
          </>
        )}
        <Duration
          id="graceSecs"
          label="Grace period"
          secs={initial.graceSecs}
          error={errors.graceSecs}
          hint="How late a ping may be before the job counts as missing."
        />
        <div className="sm:col-span-2">
          <Field
            id="maxRuntimeSecs"
            name="maxRuntimeSecs"
            label="Longest run (seconds, optional)"
            type="number"
            min={10}
            defaultValue={initial.maxRuntimeSecs ?? ""}
            placeholder="the grace period"
            hint="After a /start ping, a run that has not finished by then is missing."
            error={errors.maxRuntimeSecs}
          />
          <input type="hidden" name="maxRuntimeSecsUnit" value="1" />
        </div>
      </FieldsSection>
      <SubjectFormEnd
        initial={initial}
        downLabel="When it goes missing or fails"
        errors={errors}
        pending={pending}
        submitLabel={submitLabel}
      />
    </form>
  );
}
