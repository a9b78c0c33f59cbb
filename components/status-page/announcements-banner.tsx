"use client";

import { Megaphone } from "lucide-react";
import type { AnnouncementView } from "@/server/domain/status-pages/page-view";
import { PlainText } from "@/components/status-page/plain-text";
import { DateTime } from "@/components/ui/time-text";

/** Page-wide notices people posted, at the top of the page, newest first. */
export function AnnouncementsBanner({ announcements }: { announcements: AnnouncementView[] }) {
  if (announcements.length === 0) return null;
  return (
    <section aria-label="Announcements" className="space-y-2">
      {announcements.map((a) => (
        <div
          key={a.id}
          role="note"
          data-testid="announcement"
          className="flex items-start gap-3 rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950 dark:border-sky-400/30 dark:bg-sky-400/10 dark:text-sky-100"
        >
          <Megaphone className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <PlainText text={a.body} />
            <p className="mt-1 text-xs opacity-80">
              Posted <DateTime at={a.createdAt} />
            </p>
          </div>
        </div>
      ))}
    </section>
  );
}
