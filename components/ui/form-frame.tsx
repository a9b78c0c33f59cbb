import type { FormEvent, ReactNode } from "react";
import { FormAlert } from "@/components/ui/field";

/** A form that validates itself (no browser bubbles), with its form-wide error above the fields. */
export function FormFrame({
  label,
  className,
  error,
  onSubmit,
  children,
}: {
  label?: string;
  className: string;
  error: string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className={className}
      aria-label={label}
    >
      {error ? <FormAlert>{error}</FormAlert> : null}
      {children}
    </form>
  );
}
