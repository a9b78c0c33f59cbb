"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/components/trpc/client";
import { SubjectHeader } from "@/components/subjects/subject-header";
import { StateChanges, SubjectDetail } from "@/components/subjects/subject-detail";
import { useSubjectControls } from "@/components/subjects/use-subject-controls";
import { Card, Stat } from "@/components/ui/panel";
import { useNow } from "@/components/ui/use-now";
import { StatusBadge } from "@/components/monitors/status-badge";
import { ResponseTimeChart } from "@/components/monitors/response-time-chart";
import { AssertionsCard } from "@/components/monitors/assertions-card";
import {
  formatAgo,
  formatDuration,
  formatInterval,
  formatMs,
  formatUptime,
  maintenanceText,
} from "@/components/monitors/format";
import { MaintenanceNote, UptimeHistory } from "@/components/monitors/uptime-history";
import { DateTime, RelativeTime } from "@/components/ui/time-text";
import { uptimeWindowText } from "@/server/domain/format/uptime-window";

const DAY_MS = 86_400_000;

export function MonitorDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const now = useNow(1000);
  const query = useQuery(trpc.monitor.get.queryOptions({ id }));
  const controls = useSubjectControls({
    id,
    procedures: useTRPCClient().monitor,
    pathKey: trpc.monitor.pathKey(),
    listHref: "/dashboard/monitors",
  });

  return (
    <SubjectDetail id={id} query={query}>
      {({ monitor: m, uptime, bars, responseTimes, recentChecks, incidents, flips }) => (
        <>
          <SubjectHeader
            id={id}
            area={{ href: "/dashboard/monitors", label: "Monitors", noun: "monitor" }}
            name={m.name}
            status={
              <span data-testid="monitor-status">
                <StatusBadge status={m.status} />
              </span>
            }
            facts={
              <>
                {m.method}{" "}
                <a
                  href={m.url}
                  className="hover:underline"
                  rel="noreferrer noopener"
                  target="_blank"
                >
                  {m.url}
                </a>{" "}
                · every {formatInterval(m.intervalSecs)} · for{" "}
                {formatDuration(now - new Date(m.statusChangedAt).getTime())}
              </>
            }
            paused={m.status === "paused"}
            controls={controls}
            deleteQuestion={`Delete ${m.name} and all its history?`}
          >
            {m.lastError && m.status !== "up" ? (
              <p
                className="mt-2 line-clamp-6 text-sm wrap-anywhere text-red-700 dark:text-red-400"
                data-testid="monitor-error"
              >
                {m.lastError}
              </p>
            ) : null}
          </SubjectHeader>
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat
              label={`Uptime, ${uptimeWindowText(DAY_MS, m.createdAt, now)}`}
              value={formatUptime(uptime.uptime24h)}
              hint={maintenanceText(uptime.maintenance24hMs)}
              testId="uptime-24h"
            />
            <Stat
              label={`Uptime, ${uptimeWindowText(30 * DAY_MS, m.createdAt, now)}`}
              value={formatUptime(uptime.uptime30d)}
              hint={maintenanceText(uptime.maintenance30dMs)}
              testId="uptime-30d"
            />
            <Stat
              label="Last response"
              value={formatMs(m.lastResponseMs)}
              hint={
                m.lastCheckedAt ? `checked ${formatAgo(m.lastCheckedAt, now)}` : "not checked yet"
              }
            />
            <Stat
              label="TLS certificate"
              value={m.tlsCertExpiresAt ? <DateTime at={m.tlsCertExpiresAt} dateOnly /> : "—"}
              hint={
                m.tlsCertExpiresAt
                  ? `expires in ${formatDuration(new Date(m.tlsCertExpiresAt).getTime() - now)}`
                  : m.url.startsWith("https")
                    ? "after the first check"
                    : "plain HTTP"
              }
            />
          </dl>
          <MaintenanceNote shown={uptime.maintenance30dMs > 0 || bars.maintenanceDays !== ""} />

          <UptimeHistory name={m.name} bars={bars} />

          <Card title="Response time (24 hours)">
            <ResponseTimeChart points={responseTimes.map((p) => ({ ...p, at: new Date(p.at) }))} />
          </Card>

          <AssertionsCard conditions={m.conditions} acceptedStatusCodes={m.acceptedStatusCodes} />

          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Recent checks">
              {recentChecks.length === 0 ? (
                <p className="text-sm text-zinc-500">No checks yet.</p>
              ) : (
                <ul
                  className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
                  data-testid="recent-checks"
                >
                  {recentChecks.map((c) => (
                    <li key={c.id} className="flex items-start justify-between gap-3 py-2">
                      <span className="min-w-0">
                        <span
                          className={
                            c.status === "up"
                              ? "text-emerald-700 dark:text-emerald-400"
                              : "text-red-700 dark:text-red-400"
                          }
                        >
                          {c.status === "up" ? "OK" : c.status === "timeout" ? "Timeout" : "Failed"}
                        </span>
                        {c.statusCode ? (
                          <span className="text-zinc-500"> · {c.statusCode}</span>
                        ) : null}
                        {c.error ? (
                          <span
                            className="line-clamp-3 text-xs wrap-anywhere text-zinc-500"
                            title={c.error}
                          >
                            {c.error}
                          </span>
                        ) : null}
                      </span>
                      <span className="shrink-0 text-right text-xs text-zinc-500 tabular-nums">
                        {formatMs(c.durationMs)}
                        <br />
                        <RelativeTime at={c.checkedAt} />
                      </span>
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
                        "Outage, resolved"
                      ) : (
                        <span className="text-red-700 dark:text-red-400">Ongoing outage</span>
                      )}{" "}
                      ·{" "}
                      {formatDuration(
                        i.resolvedAt ? i.durationMs : now - new Date(i.startedAt).getTime(),
                      )}
                    </p>
                    <p className="text-xs text-zinc-500">
                      from <DateTime at={i.startedAt} />
                      {i.resolvedAt ? (
                        <>
                          {" "}
                          to <DateTime at={i.resolvedAt} />
                        </>
                      ) : null}
                    </p>
                    {i.cause ? (
                      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{i.cause}</p>
                    ) : null}
                  </>
                ),
              }))}
              flips={flips}
              kind="monitor"
            />
          </div>
        </>
      )}
    </SubjectDetail>
  );
}
