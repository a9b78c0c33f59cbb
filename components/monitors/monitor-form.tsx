"use client";

import { useState, type FormEvent } from "react";
import { Field, FormAlert } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/select-field";
import { alertDefaults, readAlertFields, type AlertValues } from "@/components/alerts/alert-fields";
import { FieldsSection, SubjectFormEnd } from "@/components/subjects/subject-form-parts";
import { parseHeaderLines } from "@/components/ui/header-lines";
import type { FormErrors, SubjectFormKind } from "@/components/subjects/subject-edit-shell";
import { AssertionsEditor } from "@/components/monitors/assertions-editor";
import { readAssertions } from "@/components/monitors/assertion-words";
import type { Assertion } from "@/server/domain/monitors/assertions";

export type MonitorFormValues = AlertValues & {
  name: string;
  url: string;
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  headers: Record<string, string>;
  body: string | null;
  acceptedStatusCodes: string[];
  maxRedirects: number;
  timeoutSecs: number;
  keyword: string | null;
  keywordMustBeAbsent: boolean;
  degradedAfterMs: number | null;
  intervalSecs: number;
  retryIntervalSecs: number;
  confirmations: number;
  assertions: Assertion[];
};

export const monitorDefaults: MonitorFormValues = {
  name: "",
  url: "https://",
  method: "GET",
  headers: {},
  body: null,
  acceptedStatusCodes: ["200-399"],
  maxRedirects: 10,
  timeoutSecs: 10,
  keyword: null,
  keywordMustBeAbsent: false,
  degradedAfterMs: null,
  intervalSecs: 60,
  retryIntervalSecs: 20,
  confirmations: 2,
  assertions: [],
  ...alertDefaults,
};

export type FieldErrors = FormErrors<keyof MonitorFormValues>;

export const monitorFormKind: SubjectFormKind<MonitorFormValues> = {
  noun: "monitor",
  href: "/dashboard/monitors",
  fields: [...(Object.keys(monitorDefaults) as (keyof MonitorFormValues)[]), "channelIds"],
};

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const SCHEDULE_FIELDS = [
  { id: "intervalSecs", label: "Check every (seconds)", min: 10 },
  { id: "timeoutSecs", label: "Timeout (seconds)", min: 1, max: 60 },
  { id: "retryIntervalSecs", label: "Retry every (seconds) while failing", min: 10 },
  {
    id: "confirmations",
    label: "Failed checks before Down",
    min: 1,
    max: 10,
    hint: "One blip never flips the monitor: Down needs this many failures in a row.",
  },
] as const;

const num = (form: FormData, name: string) => Number(String(form.get(name) ?? "").trim());

/** The create/edit form; the server validates again and its field errors land next to the fields. */
export function MonitorForm({
  initial,
  submitLabel,
  onSubmit,
  serverErrors,
}: {
  initial: MonitorFormValues;
  submitLabel: string;
  onSubmit: (values: MonitorFormValues) => Promise<void>;
  serverErrors: FieldErrors;
}) {
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const errors = { ...serverErrors, ...localErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const headers = parseHeaderLines(String(form.get("headers") ?? ""));
    const assertions = readAssertions(form);
    if (typeof headers === "string" || typeof assertions === "string") {
      setLocalErrors({
        headers: typeof headers === "string" ? headers : undefined,
        assertions: typeof assertions === "string" ? assertions : undefined,
      });
      return;
    }
    setLocalErrors({});
    const keyword = String(form.get("keyword") ?? "");
    const degraded = String(form.get("degradedAfterMs") ?? "").trim();
    const body = String(form.get("body") ?? "");
    setPending(true);
    try {
      await onSubmit({
        name: String(form.get("name") ?? ""),
        url: String(form.get("url") ?? ""),
        method: String(form.get("method")) as MonitorFormValues["method"],
        headers,
        body: body === "" ? null : body,
        acceptedStatusCodes: String(form.get("acceptedStatusCodes") ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        maxRedirects: num(form, "maxRedirects"),
        timeoutSecs: num(form, "timeoutSecs"),
        keyword: keyword === "" ? null : keyword,
        keywordMustBeAbsent: form.get("keywordMode") === "absent",
        degradedAfterMs: degraded === "" ? null : Number(degraded),
        intervalSecs: num(form, "intervalSecs"),
        retryIntervalSecs: num(form, "retryIntervalSecs"),
        confirmations: num(form, "confirmations"),
        assertions,
        ...readAlertFields(form),
      });
    } finally {
      setPending(false);
    }
  }

  const headerText = Object.entries(initial.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="mt-8 space-y-8">
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <FieldsSection>
        <Field
          id="name"
          name="name"
          label="Name"
          defaultValue={initial.name}
          placeholder="Public API"
          required
          error={errors.name}
        />
        <SelectField
          id="method"
          name="method"
          label="Method"
          defaultValue={initial.method}
          error={errors.method}
        >
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <Field
            id="url"
            name="url"
            label="URL"
            type="url"
            defaultValue={initial.url}
            placeholder="https://api.example.com/health"
            required
            error={errors.url}
          />
        </div>
        {SCHEDULE_FIELDS.map(({ id, ...field }) => (
          <Field
            key={id}
            id={id}
            name={id}
            type="number"
            {...field}
            defaultValue={initial[id]}
            error={errors[id]}
          />
        ))}
      </FieldsSection>

      <details
        className="group rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
        open={initial !== monitorDefaults}
      >
        <summary className="cursor-pointer text-sm font-medium max-sm:py-3">
          Response checks, headers and body
        </summary>
        <div className="mt-5 grid gap-5 sm:grid-cols-2">
          <Field
            id="acceptedStatusCodes"
            name="acceptedStatusCodes"
            label="Accepted status codes"
            defaultValue={initial.acceptedStatusCodes.join(", ")}
            hint='Codes and ranges, comma-separated: "200-299, 304".'
            error={errors.acceptedStatusCodes}
          />
          <Field
            id="maxRedirects"
            name="maxRedirects"
            label="Follow redirects (max)"
            type="number"
            min={0}
            max={20}
            defaultValue={initial.maxRedirects}
            hint="0 treats any redirect as a failure."
            error={errors.maxRedirects}
          />
          <Field
            id="keyword"
            name="keyword"
            label="Keyword"
            defaultValue={initial.keyword ?? ""}
            placeholder='"status":"ok"'
            error={errors.keyword}
          />
          <SelectField
            id="keywordMode"
            name="keywordMode"
            label="The keyword must be"
            defaultValue={initial.keywordMustBeAbsent ? "absent" : "present"}
          >
            <option value="present">present in the body</option>
            <option value="absent">absent from the body</option>
          </SelectField>
          <Field
            id="degradedAfterMs"
            name="degradedAfterMs"
            label="Degraded when slower than (ms)"
            type="number"
            min={1}
            defaultValue={initial.degradedAfterMs ?? ""}
            placeholder="off"
            error={errors.degradedAfterMs}
          />
          <div className="sm:col-span-2">
            <TextAreaField
              id="headers"
              name="headers"
              label="Request headers"
              defaultValue={headerText}
              placeholder="Authorization: Bearer …"
              hint="One per line, Name: value."
              error={errors.headers}
            />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField
              id="body"
              name="body"
              label="Request body"
              defaultValue={initial.body ?? ""}
              error={errors.body}
            />
          </div>
        </div>
      </details>

      <section className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <AssertionsEditor initial={initial.assertions} error={errors.assertions} />
      </section>

      <SubjectFormEnd
        initial={initial}
        downLabel="When it goes down"
        errors={errors}
        pending={pending}
        submitLabel={submitLabel}
      />
    </form>
  );
}
