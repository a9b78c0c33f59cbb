"use client";

import type { ReactNode } from "react";
import { AlertLog } from "@/components/alerts/alert-log";
import { Card } from "@/components/ui/panel";
import { RelativeTime } from "@/components/ui/time-text";
import { flipWords } from "@/server/domain/overview/flip-words";

/** The load error or "Loading…" until `data` is there, then the page. */
export function Loaded<T>({
  query,
  ready = true,
  children,
}: {
  query: { data?: T; error: { message: string } | null };
  ready?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {query.error.message}
      </p>
    );
  if (query.data == null || !ready) return <p className="text-sm text-zinc-500">Loading…</p>;
  return <>{children(query.data)}</>;
}

/** A subject's page: its own sections, then the alerts sent about it. */
export function SubjectDetail<T>({
  id,
  query,
  children,
}: {
  id: string;
  query: { data?: T; error: { message: string } | null };
  children: (data: T) => ReactNode;
}) {
  return (
    <Loaded query={query}>
      {(data) => (
        <div className="space-y-6">
          {children(data)}
          <Card title="Alerts sent">
            <AlertLog subjectId={id} showChannel />
          </Card>
        </div>
      )}
    </Loaded>
  );
}

type Flip = { id: string; fromStatus: string; toStatus: string; at: Date | string };

/** Incidents, each as the subject's kind tells it, then the latest 20 state changes. */
export function StateChanges({
  kind,
  incidents,
  flips,
}: {
  kind: "monitor" | "heartbeat";
  incidents: { id: string; content: ReactNode }[];
  flips: readonly Flip[];
}) {
  return (
    <Card title="Incidents and state changes">
      {incidents.length === 0 && flips.length === 0 ? (
        <p className="text-sm text-zinc-500">Nothing has changed yet.</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {incidents.map((i) => (
            <li
              key={i.id}
              className="rounded-lg border border-zinc-200 p-3 wrap-anywhere dark:border-zinc-800"
            >
              {i.content}
            </li>
          ))}
          {flips.slice(0, 20).map((f) => {
            const words = flipWords({ subjectKind: kind, from: f.fromStatus, to: f.toStatus });
            return (
              <li
                key={f.id}
                className="flex justify-between gap-3 text-xs text-zinc-500"
                data-testid="state-change"
              >
                <span>
                  <span className="font-medium text-zinc-800 dark:text-zinc-200">
                    {words.change.charAt(0).toUpperCase() + words.change.slice(1)}
                  </span>{" "}
                  · {words.before}
                </span>
                <RelativeTime at={f.at} className="tabular-nums" />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
