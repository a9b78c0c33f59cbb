"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { GetStarted } from "@/components/overview/get-started";
import { OpenIncidents, ProblemList } from "@/components/overview/problem-list";
import { SubjectGrid } from "@/components/overview/subject-grid";
import { FlipTimeline } from "@/components/overview/flip-timeline";
import { PaceFigures } from "@/components/overview/pace-figures";
import { allFineSentence } from "@/server/domain/overview/overview-problems";

/** The first screen after sign-in: what is wrong first, then everything else, live. */
export function Overview() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspace.current.queryOptions());
  const overview = useQuery(trpc.overview.get.queryOptions());
  const data = overview.data;
  const isEmpty = data ? data.counts.monitors + data.counts.heartbeats === 0 : false;
  const who = current.data?.user.name ?? current.data?.user.email.split("@")[0];
  return (
    <>
      <PageHeader
        title={isEmpty && who ? `Welcome, ${who}` : "Overview"}
        description={current.data ? `You are in ${current.data.name}.` : "Loading your workspace…"}
      />
      {!data ? null : isEmpty ? (
        <GetStarted />
      ) : (
        <>
          {data.problems.length === 0 ? (
            <p
              role="status"
              className="mt-8 flex items-center gap-2 rounded-xl border border-emerald-600/20 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900 dark:border-emerald-400/20 dark:bg-emerald-500/10 dark:text-emerald-200"
              data-testid="all-fine"
            >
              <CircleCheck className="size-5 shrink-0" aria-hidden="true" />
              {allFineSentence(data.counts)}
            </p>
          ) : (
            <ProblemList problems={data.problems} />
          )}
          <OpenIncidents incidents={data.openIncidents} />
          <SubjectGrid tiles={data.tiles} />
          <div className="mt-8 grid gap-8 lg:grid-cols-[2fr_1fr]">
            <FlipTimeline flips={data.flips} />
            <PaceFigures pace={data.pace} />
          </div>
        </>
      )}
    </>
  );
}
