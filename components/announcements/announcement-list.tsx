"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/time-text";
import { useNow } from "@/components/ui/use-now";
import { PlainText } from "@/components/status-page/plain-text";
import { sentence } from "@/server/domain/validation/validation-issues";

/** The page's announcements, newest first: the ones showing and the ones that expired. */
export function AnnouncementList({ statusPageId }: { statusPageId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const list = useQuery(
    trpc.announcements.list.queryOptions({ statusPageId, includeExpired: true }),
  );
  const remove = useMutation(trpc.announcements.delete.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  const drop = async (announcementId: string) => {
    if (!window.confirm("Delete this announcement? It goes from the page at once.")) return;
    setError(null);
    try {
      await remove.mutateAsync({ statusPageId, announcementId });
      await queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
    } catch (e) {
      setError(sentence((e as Error).message));
    }
  };

  if (list.error) return <p role="alert">{sentence(list.error.message)}</p>;
  if (!list.data) return <p className="text-sm text-zinc-500">Loading…</p>;
  return (
    <>
      {error ? (
        <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {list.data.length === 0 ? (
          <li className="py-3 text-sm text-zinc-600 dark:text-zinc-400">No announcements yet.</li>
        ) : null}
        {list.data.map((a) => {
          const isExpired = a.expiresAt !== null && new Date(a.expiresAt).getTime() <= now;
          return (
            <li
              key={a.id}
              data-testid="dashboard-announcement"
              data-expired={isExpired}
              className="flex items-start gap-3 py-3"
            >
              <div className={clsx("min-w-0 flex-1", isExpired && "opacity-70")}>
                <PlainText text={a.body} className="text-sm" />
                <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                  <span
                    className={clsx(
                      "mr-1 rounded px-1.5 py-0.5 font-medium",
                      isExpired
                        ? "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
                        : "bg-sky-100 text-sky-900 dark:bg-sky-400/15 dark:text-sky-100",
                    )}
                  >
                    {isExpired ? "Expired" : "Showing"}
                  </span>{" "}
                  <span className="whitespace-nowrap">
                    posted <DateTime at={a.createdAt} />
                  </span>{" "}
                  <span className="whitespace-nowrap">
                    ·{" "}
                    {a.expiresAt ? (
                      <>
                        {isExpired ? "expired" : "until"} <DateTime at={a.expiresAt} />
                      </>
                    ) : (
                      "until deleted"
                    )}
                  </span>
                </p>
              </div>
              <Button
                variant="ghost"
                className="min-h-11 shrink-0 px-3 text-red-700 dark:text-red-400"
                aria-label="Delete this announcement"
                disabled={remove.isPending}
                onClick={() => void drop(a.id)}
              >
                <Trash2 className="size-4" aria-hidden="true" />
              </Button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
