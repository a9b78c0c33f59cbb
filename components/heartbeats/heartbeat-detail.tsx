"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SubjectHeader } from "@/components/dashboard/subject-header";
import { AlertLog } from "@/components/alerts/alert-log";
import { Card, Stat } from "@/components/ui/panel";
import { useNow } from "@/components/ui/use-now";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { PingSnippets } from "@/components/heartbeats/ping-snippets";
import { formatIn, scheduleText } from "@/components/heartbeats/schedule-text";
import { formatAgo, formatDuration, formatMs } from "@/components/monitors/format";

const KIND: Record<string, string> = {
  success: "Success",
  start: "Start",
  fail: "Failure",
  log: "Log",
};

export function HeartbeatDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const now = useNow(1000);
  const { data, error } = useQuery(trpc.heartbeat.get.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.heartbeat.pathKey() });
  const pause = useMutation(trpc.heartbeat.pause.mutationOptions({ onSuccess: refresh }));
  const resume = useMutation(trpc.heartbeat.resume.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(trpc.heartbeat.rotateToken.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.heartbeat.delete.mutationOptions());

  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (!data) return <p className="text-sm text-zinc-500">Loading…</p>;
  const { heartbeat: h, pings, flips, incidents } = data;
  const paused = h.status === "paused";

  return (
    <div className="space-y-6">
      <SubjectHeader
        back={{ href: "/dashboard/heartbeats", label: "Heartbeats" }}
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
            {h.maxRuntimeSecs ? ` · longest run ${formatDuration(h.maxRuntimeSecs * 1000)}` : ""}
            {h.status === "running" && h.runningSince
              ? ` · running for ${formatDuration(now - new Date(h.runningSince).getTime())}`
              : ""}
          </>
        }
        editHref={`/dashboard/heartbeats/${id}/edit`}
        paused={paused}
        busy={pause.isPending || resume.isPending}
        onPause={() => pause.mutate({ id })}
        onResume={() => resume.mutate({ id })}
        deleteLabel="Delete heartbeat"
        onDelete={async () => {
          if (!window.confirm(`Delete ${h.name}, its ping URL and all its history?`)) return;
          await remove.mutateAsync({ id });
          await refresh();
          router.push("/dashboard/heartbeats");
        }}
      />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Last ping" value={formatAgo(h.lastPingedAt, now)} testId="last-ping" />
        <Stat
          label="Next expected"
          value={paused || h.status === "new" ? "—" : formatIn(h.deadline, now)}
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
            <p className="text-sm text-zinc-500">No pings yet. Run one of the snippets above.</p>
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
                      {formatAgo(p.pingedAt, now)}
                    </span>
                  </div>
                  <p className="text-xs text-zinc-500">
                    {p.sourceIp ?? "?"} · {p.userAgent ?? "no user agent"}
                  </p>
                  {p.body ? (
                    <pre className="mt-1 max-h-32 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-800/60">
                      {p.body}
                      {p.truncated ? "\n… (truncated at 10 KB)" : ""}
                    </pre>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Incidents and state changes">
          {incidents.length === 0 && flips.length === 0 ? (
            <p className="text-sm text-zinc-500">Nothing has changed yet.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {incidents.map((i) => (
                <li
                  key={i.id}
                  className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
                >
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
                </li>
              ))}
              {flips.slice(0, 20).map((f) => (
                <li key={f.id} className="flex justify-between gap-3 text-xs text-zinc-500">
                  <span>
                    {f.fromStatus} →{" "}
                    <span className="font-medium text-zinc-800 dark:text-zinc-200">
                      {f.toStatus}
                    </span>
                  </span>
                  <span className="tabular-nums">{formatAgo(f.at, now)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Alerts sent">
        <AlertLog subjectId={id} showChannel />
      </Card>
    </div>
  );
}
