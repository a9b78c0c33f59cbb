"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { SubjectRow } from "@/components/status-pages/subject-row";
import type { PageSubject } from "@/server/services/status-pages/list-page-subjects";

type Lists = { monitors: PageSubject[]; heartbeats: PageSubject[] };
type ListName = keyof Lists;

const GROUPS: { list: ListName; title: string; empty: string }[] = [
  { list: "monitors", title: "Services", empty: "No monitors yet: each one you add shows here." },
  {
    list: "heartbeats",
    title: "Scheduled jobs",
    empty: "No heartbeats yet: each one you add shows here.",
  },
];

const sameOrder = (a: Lists, b: Lists) =>
  (["monitors", "heartbeats"] as const).every(
    (k) =>
      a[k].length === b[k].length &&
      a[k].every((s, i) => s.id === b[k][i]?.id && s.hidden === b[k][i]?.hidden),
  );

/**
 * Which monitors and heartbeats the page shows, and in which order: a show/hide switch and
 * move up/down buttons per row, saved together. Subjects added later appear by themselves.
 */
export function SubjectsEditor({ statusPageId }: { statusPageId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.statusPage.subjects.queryOptions({ id: statusPageId }));
  const save = useMutation(trpc.statusPage.setSubjects.mutationOptions());
  const [draft, setDraft] = useState<Lists | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [saved, setSaved] = useState(false);
  const focusAfterMove = useRef<{ id: string; direction: "up" | "down" } | null>(null);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

  const lists = draft ?? query.data ?? null;
  const dirty = draft !== null && query.data !== undefined && !sameOrder(draft, query.data);

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const row = rowRefs.current.get(target.id);
    const wanted = row?.querySelector<HTMLButtonElement>(`[data-move="${target.direction}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${target.direction === "up" ? "down" : "up"}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [draft]);

  if (query.error)
    return (
      <p role="alert" className="text-sm text-red-600">
        Could not load the page&apos;s monitors and heartbeats: {query.error.message}
      </p>
    );
  if (!lists) return <p className="text-sm text-zinc-500">Loading…</p>;

  const edit = (list: ListName, change: (rows: PageSubject[]) => PageSubject[]) => {
    setSaved(false);
    setDraft({ ...lists, [list]: change([...lists[list]]) });
  };
  const move = (list: ListName, index: number, direction: "up" | "down") => {
    const to = direction === "up" ? index - 1 : index + 1;
    const rows = lists[list];
    const subject = rows[index];
    if (!subject || to < 0 || to >= rows.length) return;
    focusAfterMove.current = { id: subject.id, direction };
    edit(list, (r) => {
      r.splice(index, 1);
      r.splice(to, 0, subject);
      return r;
    });
    setAnnouncement(`${subject.name} moved to position ${to + 1} of ${rows.length}.`);
  };
  const toggle = (list: ListName, index: number) => {
    const subject = lists[list][index];
    if (!subject) return;
    edit(list, (r) => r.map((s, i) => (i === index ? { ...s, hidden: !s.hidden } : s)));
    setAnnouncement(`${subject.name} ${subject.hidden ? "shown" : "hidden"} on the page.`);
  };

  async function submit() {
    if (!lists) return;
    const items = (["monitors", "heartbeats"] as const).flatMap((list) =>
      lists[list].map((s, position) => ({
        subjectKind: s.kind,
        subjectId: s.id,
        hidden: s.hidden,
        position,
      })),
    );
    const next = await save.mutateAsync({ id: statusPageId, items });
    queryClient.setQueryData(trpc.statusPage.subjects.queryKey({ id: statusPageId }), next);
    setDraft(null);
    setSaved(true);
  }

  return (
    <div className="space-y-6">
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {GROUPS.map(({ list, title, empty }) => (
        <section key={list} aria-labelledby={`subjects-${list}`}>
          <h3 id={`subjects-${list}`} className="text-sm font-medium">
            {title}
          </h3>
          {lists[list].length === 0 ? (
            <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
          ) : (
            <ol
              className="mt-2 divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
              aria-label={title}
            >
              {lists[list].map((s, i) => (
                <SubjectRow
                  key={s.id}
                  subject={s}
                  rowRef={(el) => {
                    if (el) rowRefs.current.set(s.id, el);
                    else rowRefs.current.delete(s.id);
                  }}
                  isFirst={i === 0}
                  isLast={i === lists[list].length - 1}
                  onToggle={() => toggle(list, i)}
                  onMove={(direction) => move(list, i, direction)}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => void submit()} disabled={!dirty || save.isPending}>
          {save.isPending ? "Saving…" : "Save order and visibility"}
        </Button>
        {dirty ? (
          <Button type="button" variant="ghost" onClick={() => setDraft(null)}>
            Discard changes
          </Button>
        ) : null}
        <p className="text-sm text-zinc-500 dark:text-zinc-400" role="status">
          {save.error
            ? `Could not save: ${save.error.message}`
            : dirty
              ? "Unsaved changes."
              : saved
                ? "Saved."
                : ""}
        </p>
      </div>
    </div>
  );
}
