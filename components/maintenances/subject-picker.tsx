"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";

export type SubjectChoice = { kind: "monitor" | "heartbeat"; id: string };

/** Checkboxes for the workspace's monitors and heartbeats; the chosen ones come back in order. */
export function SubjectPicker({
  chosen,
  onChange,
  error,
}: {
  chosen: readonly SubjectChoice[];
  onChange: (chosen: SubjectChoice[]) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const monitors = useQuery(trpc.monitor.list.queryOptions());
  const heartbeats = useQuery(trpc.heartbeat.list.queryOptions());
  const subjects = [
    ...(monitors.data ?? []).map((m) => ({ kind: "monitor" as const, id: m.id, name: m.name })),
    ...(heartbeats.data ?? []).map((h) => ({ kind: "heartbeat" as const, id: h.id, name: h.name })),
  ];
  const isChosen = (id: string) => chosen.some((c) => c.id === id);
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={error ? "subjects-error" : undefined}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Affected monitors and heartbeats
      </legend>
      {subjects.length === 0 && !monitors.isLoading && !heartbeats.isLoading ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No monitors or heartbeats yet; the window still shows on your status pages.
        </p>
      ) : null}
      <ul className="grid gap-1 sm:grid-cols-2">
        {subjects.map((s) => (
          <li key={s.id} className="min-w-0">
            <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <input
                type="checkbox"
                className="size-4 shrink-0 accent-zinc-900 dark:accent-white"
                checked={isChosen(s.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [...chosen, { kind: s.kind, id: s.id }]
                      : chosen.filter((c) => c.id !== s.id),
                  )
                }
              />
              <span className="min-w-0 text-sm wrap-anywhere">{s.name}</span>
              <span className="ml-auto shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                {s.kind === "monitor" ? "Monitor" : "Heartbeat"}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id="subjects-error" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
