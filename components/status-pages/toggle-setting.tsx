"use client";

import { useId } from "react";
import { Switch } from "@/components/status-pages/switch";

/** One on/off page setting, saved as it is switched, saying plainly what either way means. */
export function ToggleSetting({
  label,
  on,
  off,
  checked,
  busy,
  error,
  onChange,
}: {
  label: string;
  /** What the setting means when on, and when off. */
  on: string;
  off: string;
  checked: boolean;
  busy: boolean;
  error: string | null;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p id={`${id}-label`} className="text-sm font-medium">
            {label}
          </p>
          <p id={`${id}-help`} className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {checked ? on : off}
          </p>
        </div>
        <Switch
          checked={checked}
          disabled={busy}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-help`}
          onClick={() => onChange(!checked)}
        />
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
