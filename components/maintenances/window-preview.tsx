"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { WindowRange } from "@/components/maintenances/window-range";
import type { timingInput } from "@/components/maintenances/timing-fields";

type Timing = ReturnType<typeof timingInput>;

/** The value once it has stopped changing for `ms` (compared as JSON). */
function useSettled<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return JSON.parse(settled) as T;
}

/** The server's preview of a timing being typed: its next windows, or the error it would get. */
export function useWindowPreview(timing: Timing) {
  const trpc = useTRPC();
  return useQuery(
    trpc.maintenances.preview.queryOptions(useSettled(timing, 300), {
      retry: false,
      placeholderData: (previous) => previous,
    }),
  );
}

export function WindowPreview({ preview }: { preview: ReturnType<typeof useWindowPreview> }) {
  return (
    <section
      aria-labelledby="preview-heading"
      aria-live="polite"
      className="rounded-lg bg-zinc-50 p-4 text-sm dark:bg-zinc-800/50"
    >
      <h2 id="preview-heading" className="font-medium">
        Next windows
      </h2>
      {preview.error ? (
        <p className="mt-2 text-zinc-500 dark:text-zinc-400">
          Fix the timing above to see when it runs.
        </p>
      ) : !preview.data ? (
        <p className="mt-2 text-zinc-500 dark:text-zinc-400">Working out the windows…</p>
      ) : (
        <ol className="mt-2 space-y-1">
          {preview.data.map((w) => (
            <li key={w.startsAt.toISOString()} data-testid="preview-window">
              <WindowRange window={w} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
