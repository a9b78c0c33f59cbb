"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";

/** Where a create form shows the status pages its subject will appear on (nothing on an edit). */
export const NewSubjectPagesSlot = createContext<ReactNode>(null);

export const useNewSubjectPagesSlot = () => useContext(NewSubjectPagesSlot);

type Page = { id: string; title: string; slug: string; visibility: "public" | "private" };

const check =
  "size-5 shrink-0 rounded border-zinc-300 text-zinc-900 focus:ring-2 focus:ring-brand-500/30 dark:border-zinc-600 dark:bg-zinc-900";

function PageChoices({
  publicPages,
  privateCount,
  unticked,
  toggle,
}: {
  publicPages: Page[];
  privateCount: number;
  unticked: ReadonlySet<string>;
  toggle: (id: string) => void;
}) {
  return (
    <fieldset
      className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="new-subject-pages"
    >
      <legend className="float-left mb-1 w-full text-sm font-medium">Public status pages</legend>
      <p className="clear-both mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        {publicPages.length
          ? "Anyone can see it on the pages ticked here. Untick a page to keep it off."
          : "It will not appear on any public status page."}
        {privateCount
          ? ` It also shows on ${privateCount} private ${privateCount === 1 ? "page" : "pages"}, which only this workspace can see.`
          : ""}
      </p>
      {publicPages.length ? (
        <ul className="space-y-1">
          {publicPages.map((p) => (
            <li key={p.id}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
                <input
                  type="checkbox"
                  className={check}
                  checked={!unticked.has(p.id)}
                  onChange={() => toggle(p.id)}
                />
                <span className="min-w-0">
                  <span className="block font-medium wrap-anywhere">{p.title}</span>
                  <span className="block font-mono text-xs wrap-anywhere text-zinc-500 dark:text-zinc-400">
                    /status/{p.slug}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/**
 * For a create page: the pages a new monitor or heartbeat will appear on (those that add new
 * subjects automatically), the public ones each with a box ticked by default, and the
 * `statusPageIds` to create it with (unset while nothing is unticked: the server decides alike).
 */
export function useNewSubjectPages(): {
  slot: ReactNode;
  statusPageIds: () => string[] | undefined;
} {
  const trpc = useTRPC();
  const { data: pages } = useQuery(trpc.statusPage.list.queryOptions());
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const automatic = (pages ?? []).filter((p) => p.autoAddSubjects);
  const publicPages = automatic.filter((p) => p.visibility === "public");
  const toggle = (id: string) =>
    setUnticked((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return {
    slot: pages ? (
      <PageChoices
        publicPages={publicPages}
        privateCount={automatic.length - publicPages.length}
        unticked={unticked}
        toggle={toggle}
      />
    ) : null,
    statusPageIds: () =>
      unticked.size === 0
        ? undefined
        : automatic.map((p) => p.id).filter((id) => !unticked.has(id)),
  };
}
