"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useTRPC, useTRPCClient } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { SubjectHeader } from "@/components/subjects/subject-header";
import { StateChanges, SubjectDetail } from "@/components/subjects/subject-detail";
import { useSubjectControls } from "@/components/subjects/use-subject-controls";
import { Card, Stat } from "@/components/ui/panel";
import { useNow } from "@/components/ui/use-now";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { PingSnippets } from "@/components/heartbeats/ping-snippets";
import { formatIn, scheduleText } from "@/components/heartbeats/schedule-text";
import { formatDuration, formatMs } from "@/components/monitors/format";
import { RelativeTime } from "@/components/ui/time-text";

const KIND: Record<string, string> = {
  success: "Success",
  start: "Start",
  fail: "Failure",
  log: "Log",
};

export function HeartbeatDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(1000);
  const query = useQuery(trpc.heartbeat.get.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.heartbeat.pathKey() });
  const rotate = useMutation(trpc.heartbeat.rotateToken.mutationOptions({ onSuccess: refresh }));
  const controls = useSubjectControls({
    id,
    procedures: useTRPCClient().heartbeat,
    pathKey: trpc.heartbeat.pathKey(),
    listHref: "/dashboard/heartbeats",
  });

  return (
    <SubjectDetail id={id} query={query}>
      {({ heartbeat: h, pings, flips, incidents }) => (
        <>
          <SubjectHeader
            id={id}
            area={{ href: "/dashboard/heartbeats", label: "Heartbeats", noun: "heartbeat" }}
            name={h.name}
            mono
            status={
              <span data-testid="heartbeat-status">
                <HeartbeatBadge status={h.status} />
              </span>
            }
            facts={
              <>
                {scheduleText(h)} · grace {formatDuration(h.graceSecs * 1000)}
                {h.maxRuntimeSecs
                  ? ` · longest run ${formatDuration(h.maxRuntimeSecs * 1000)}`
                  : ""}
                {h.status === "running" && h.runningSince
                  ? ` · running for ${formatDuration(now - new Date(h.runningSince).getTime())}`
                  : ""}
              </>
            }
            paused={h.status === "paused"}
            controls={controls}
            deleteQuestion={`Delete ${h.name}, its ping URL and all its history?`}
          />
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat
              label="Last ping"
              value={h.lastPingedAt ? <RelativeTime at={h.lastPingedAt} /> : "never"}
              testId="last-ping"
            />
            <Stat
              label="Next expected"
              value={h.status === "paused" || h.status === "new" ? "—" : formatIn(h.deadline, now)}
            />
            <Stat label="Last run took" value={formatMs(h.lastDurationMs)} />
            <Stat label="Missed deadlines in a row" value={h.consecutiveMisses} />
          </dl>

          <Card title="Ping URL">
            <div className="flex flex-wrap items-center gap-3">
              <code
                className="min-w-0 flex-1 rounded bg-zinc-100 wrap-anywhere px-2 py-1 font-mono text-xs dark:bg-zinc-800"
                data-testid="ping-url"
              >
                {h.pingUrl}
              </code>
              <Button
                variant="secondary"
                onClick={() => {
                  if (window.confirm("Make a new ping URL? The current one stops working at once."))
                    rotate.mutate({ id });
                }}
              >
                <KeyRound className="size-4" aria-hidden="true" /> New URL
              </Button>
            </div>
            <div className="mt-4">
              <PingSnippets url={h.pingUrl} />
            </div>
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Recent pings">
              {pings.length === 0 ? (
                <p className="text-sm text-zinc-500">
                  No pings yet. Run one of the snippets above.
                </p>
              ) : (
                <ul
                  className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
                  data-testid="recent-pings"
                >
                  {pings.map((p) => (
                    <li key={p.id} className="py-2">
                      <div className="flex justify-between gap-3">
                        <span
                          className={
                            p.kind === "fail"
                              ? "text-red-700 dark:text-red-400"
                              : p.kind === "success"
                                ? "text-emerald-700 dark:text-emerald-400"
                                : ""
                          }
                        >
                          {KIND[p.kind]}
                          {p.exitStatus !== null ? ` · exit ${p.exitStatus}` : ""}
                          {p.durationMs !== null ? ` · ran ${formatMs(p.durationMs)}` : ""}
                        </span>
                        <span className="shrink-0 text-xs text-zinc-500 tabular-nums">
                          <RelativeTime at={p.pingedAt} />
                        </span>
                      </div>
                      <p className="text-xs wrap-anywhere text-zinc-500">
                        {p.sourceIp ?? "?"} · {p.userAgent ?? "no user agent"}
                      </p>
                      {p.body ? (
                        <pre
                          tabIndex={0}
                          className="mt-1 max-h-32 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere dark:bg-zinc-800/60"
                        >
                          {p.body}
                          {p.truncated ? "\n… (truncated at 10 KB)" : ""}
                        </pre>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <StateChanges
              incidents={incidents.map((i) => ({
                id: i.id,
                content: (
                  <>
                    <p className="font-medium">
                      {i.resolvedAt ? (
                        "Resolved"
                      ) : (
                        <span className="text-red-700 dark:text-red-400">Ongoing</span>
                      )}{" "}
                      ·{" "}
                      {formatDuration(
                        (i.resolvedAt ? new Date(i.resolvedAt).getTime() : now) -
                          new Date(i.startedAt).getTime(),
                      )}
                    </p>
                    {i.cause ? <p className="text-xs text-zinc-500">{i.cause}</p> : null}
                  </>
                ),
              }))}
              flips={flips}
              kind="heartbeat"
            />
          </div>
        </>
      )}
    </SubjectDetail>
  );
}
