import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none max-sm:min-h-11 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Label above, then the control, then its error or hint: the frame every form field shares. */
export function FieldShell({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type Labelled = { id: string; label: string; error?: string; hint?: string };

export function SelectField(props: SelectHTMLAttributes<HTMLSelectElement> & Labelled) {
  const { id, label, error, hint, children, ...rest } = props;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select id={id} aria-invalid={error ? true : undefined} className={control} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
}

export function TextAreaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  const { id, label, error, hint, ...rest } = props;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        className={`${control} font-mono text-xs`}
        rows={3}
        {...rest}
      />
    </FieldShell>
  );
}
