"use client";

import { useState, type FormEvent } from "react";
import { slugProblem, SLUG_MAX, SLUG_MIN } from "@/server/domain/status-pages/slug";
import { TEXT_LIMITS } from "@/server/domain/validation/field-labels";
import { lengthProblem } from "@/server/domain/validation/issue-sentence";
import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/field";
import { FieldShell } from "@/components/ui/select-field";
import { suggestSlug } from "@/components/status-pages/suggest-slug";
import {
  sentence,
  type StatusPageField,
  type StatusPageFieldErrors,
} from "@/components/status-pages/field-errors";

export type StatusPageFormValues = { title: string; slug: string; description: string };

/**
 * Title, slug and description. On a new page the slug follows the title until the person edits it;
 * slug problems show as they type, by the same rules the server applies.
 */
export function StatusPageForm({
  initial,
  isNew,
  submitLabel,
  onSubmit,
}: {
  initial: StatusPageFormValues;
  isNew: boolean;
  submitLabel: string;
  onSubmit: (values: StatusPageFormValues) => Promise<StatusPageFieldErrors | void>;
}) {
  const [values, setValues] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<StatusPageFieldErrors>({});
  const [pending, setPending] = useState(false);

  const problem = slugProblem(values.slug.trim());
  const liveSlugError =
    problem && (values.slug !== "" || submitted) ? sentence(problem) : undefined;
  // Too long is said as they type, in the server's words: nothing is ever cut off silently.
  const tooLong = {
    title: lengthProblem("title", values.title, TEXT_LIMITS.title),
    description: lengthProblem("description", values.description, TEXT_LIMITS.description),
  };
  const titleError =
    submitted && values.title.trim() === ""
      ? "Give the page a title."
      : tooLong.title && sentence(tooLong.title);
  const errors: StatusPageFieldErrors = {
    ...serverErrors,
    slug: serverErrors.slug ?? liveSlugError,
    title: serverErrors.title ?? titleError ?? undefined,
    description:
      serverErrors.description ??
      (tooLong.description && sentence(tooLong.description)) ??
      undefined,
  };
  const dirty =
    values.title !== initial.title ||
    values.slug !== initial.slug ||
    values.description !== initial.description;

  const change = (field: Exclude<StatusPageField, "form" | "visibility">, value: string) => {
    setServerErrors(({ [field]: _gone, form: _form, ...rest }) => rest);
    setValues((v) => {
      const next = { ...v, [field]: value };
      if (field === "title" && isNew && !slugTouched) next.slug = suggestSlug(value);
      return next;
    });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (problem || values.title.trim() === "" || tooLong.title || tooLong.description) return;
    setPending(true);
    try {
      setServerErrors((await onSubmit({ ...values, slug: values.slug.trim() })) ?? {});
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-5">
      {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
      <Field
        id="title"
        name="title"
        label="Title"
        value={values.title}
        onChange={(e) => change("title", e.target.value)}
        placeholder="Acme status"
        required
        error={errors.title}
      />
      <Field
        id="slug"
        name="slug"
        label="Slug"
        value={values.slug}
        onChange={(e) => {
          setSlugTouched(true);
          change("slug", e.target.value.toLowerCase());
        }}
        placeholder="acme"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        error={errors.slug}
        hint={`The page's address: /status/${values.slug || "<slug>"}. ${SLUG_MIN}–${SLUG_MAX} lowercase letters, digits and dashes.`}
      />
      <FieldShell
        id="description"
        label="Description (optional)"
        error={errors.description}
        hint="One or two lines under the title, for your visitors."
      >
        <textarea
          id="description"
          name="description"
          rows={3}
          value={values.description}
          onChange={(e) => change("description", e.target.value)}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? "description-error" : "description-hint"}
          className="block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none placeholder:text-zinc-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500"
          placeholder="Live status of Acme's website, API and nightly jobs."
        />
      </FieldShell>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || (!isNew && !dirty)}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {!isNew && dirty ? (
          <Button type="button" variant="ghost" onClick={() => setValues(initial)}>
            Discard changes
          </Button>
        ) : null}
      </div>
    </form>
  );
}
