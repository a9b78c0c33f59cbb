"use client";

import { AnnouncementForm } from "@/components/announcements/announcement-form";
import { AnnouncementList } from "@/components/announcements/announcement-list";

/** Short page-wide notices: post one, see what shows and what expired, delete. */
export function AnnouncementsSection({ statusPageId }: { statusPageId: string }) {
  return (
    <div className="space-y-5">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A notice at the top of the page, such as &ldquo;We are migrating to a new region this
        week&rdquo;. It reaches visitors at once, beside what the checks say.
      </p>
      <div className="max-w-2xl">
        <AnnouncementForm statusPageId={statusPageId} />
      </div>
      <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <h3 className="mb-1 text-sm font-medium">Posted</h3>
        <AnnouncementList statusPageId={statusPageId} />
      </div>
    </div>
  );
}
