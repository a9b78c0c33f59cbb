"use client";

import clsx from "clsx";
import { EyeOff } from "lucide-react";
import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import { useLiveStatusPage, type LiveState } from "@/components/status-page/use-live-status-page";
import { bannerLook, maintenanceBanner } from "@/components/status-page/status-look";
import { MAINTENANCE_IN_PROGRESS } from "@/server/domain/status-pages/page-status";
import { RelativeTime } from "@/components/status-page/relative-time";
import { ServicesSection } from "@/components/status-page/services-section";
import { JobsSection } from "@/components/status-page/jobs-section";
import { IncidentHistory } from "@/components/status-page/incident-history";
import { AnnouncementsBanner } from "@/components/status-page/announcements-banner";
import { MaintenanceSection } from "@/components/status-page/maintenance-section";
import { LogoMark } from "@/components/ui/logo";
import { PageUnavailable } from "@/components/status-page/page-unavailable";
import { Glyph, GlyphSprite } from "@/components/status-page/glyphs";

/** A status page as visitors see it, live. `preview` marks a private page shown to its owners. */
export function StatusPageScreen({
  initial,
  preview,
}: {
  initial: StatusPageView;
  preview: boolean;
}) {
  const { view, live, unavailable } = useLiveStatusPage(initial);
  if (unavailable) return <PageUnavailable />;
  const banner =
    view.overall.description === MAINTENANCE_IN_PROGRESS
      ? maintenanceBanner
      : bannerLook[view.overall.indicator];
  return (
    <div className="min-h-dvh bg-zinc-50 dark:bg-zinc-950">
      <GlyphSprite />
      {preview ? (
        <div
          role="note"
          className="border-b border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-200"
          data-testid="private-preview"
        >
          <div className="mx-auto flex max-w-3xl items-start gap-2">
            <EyeOff className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <p>
              <strong className="font-semibold">Private preview.</strong> Only signed-in members of
              this workspace can see this page; everyone else gets “not found”. Publish it in{" "}
              <a
                href={`/dashboard/status-pages/${view.page.id}`}
                className="font-medium underline underline-offset-2"
              >
                the dashboard
              </a>
              .
            </p>
          </div>
        </div>
      ) : null}
      <header className="mx-auto max-w-3xl px-4 pt-10 sm:pt-14">
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere sm:text-3xl">
              {view.page.title}
            </h1>
            {view.page.description ? (
              <p className="mt-2 text-sm whitespace-pre-line wrap-anywhere text-zinc-600 dark:text-zinc-400">
                {view.page.description}
              </p>
            ) : null}
          </div>
          <LiveBadge live={live} />
        </div>
      </header>
      <main
        className="mx-auto max-w-3xl space-y-10 px-4 pt-6 pb-16"
        data-generated-at={view.generatedAt}
      >
        <AnnouncementsBanner announcements={view.announcements} />
        <section
          aria-label="Overall status"
          className={clsx("flex items-center gap-3 rounded-xl px-5 py-4", banner.className)}
          data-testid="overall-status"
          data-indicator={view.overall.indicator}
        >
          <Glyph name={banner.glyph} className="size-6 shrink-0" />
          <div className="min-w-0">
            {/* Only the state is announced when it changes, not the ticking time below it. */}
            <p className="text-lg font-semibold" aria-live="polite" aria-atomic="true">
              {view.overall.description}
            </p>
            <p className="text-xs opacity-90">
              {live === "live" ? (
                "Updates live, the moment anything changes"
              ) : (
                <>
                  As of <RelativeTime iso={view.generatedAt} />
                </>
              )}
            </p>
          </div>
        </section>
        <MaintenanceSection view={view} />
        <ServicesSection view={view} />
        <JobsSection jobs={view.jobs} />
        <IncidentHistory incidents={view.incidents} />
      </main>
      <footer className="mx-auto max-w-3xl px-4">
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 py-6 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <a
            href="/"
            className="inline-flex items-center gap-1.5 hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            <LogoMark className="size-4" /> Powered by Vigil
          </a>
          <a
            href={`/status/${view.page.slug}/api/v2/summary.json`}
            className="hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            Status API (JSON)
          </a>
        </div>
      </footer>
    </div>
  );
}

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  gone: "Not updating",
};

function LiveBadge({ live }: { live: LiveState }) {
  return (
    <span
      role="status"
      className="mt-1.5 inline-flex shrink-0 items-center gap-1.5 rounded-full border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
      data-testid="live-indicator"
      data-state={live}
    >
      <span
        aria-hidden="true"
        className={clsx(
          "size-2 rounded-full",
          live === "live"
            ? "animate-pulse bg-emerald-500"
            : live === "gone"
              ? "bg-red-500"
              : "bg-zinc-400",
        )}
      />
      {LIVE_TEXT[live]}
    </span>
  );
}
