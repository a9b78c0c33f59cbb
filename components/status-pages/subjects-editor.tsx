"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { ArrowDown, ArrowUp, EyeOff } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/monitors/status-badge";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { Switch } from "@/components/status-pages/switch";
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
                <li
                  key={s.id}
                  ref={(el) => {
                    if (el) rowRefs.current.set(s.id, el);
                    else rowRefs.current.delete(s.id);
                  }}
                  data-testid="subject-row"
                  data-hidden={s.hidden}
                  className="flex items-center gap-2 px-3 py-2 sm:gap-3"
                >
                  <Switch
                    checked={!s.hidden}
                    aria-label={`Show ${s.name}`}
                    onClick={() => toggle(list, i)}
                  />
                  <div
                    className={clsx(
                      "flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-1",
                      s.hidden && "opacity-60",
                    )}
                  >
                    <span
                      className={clsx(
                        "min-w-0 text-sm wrap-anywhere",
                        s.kind === "heartbeat" && "font-mono",
                        s.hidden && "line-through decoration-zinc-400",
                      )}
                    >
                      {s.name}
                    </span>
                    <span className="shrink-0 whitespace-nowrap">
                      {s.hidden ? (
                        <span className="inline-flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
                          <EyeOff className="size-3" aria-hidden="true" /> Hidden
                        </span>
                      ) : s.kind === "monitor" ? (
                        <StatusBadge status={s.status} />
                      ) : (
                        <HeartbeatBadge status={s.status} />
                      )}
                    </span>
                  </div>
                  {/* Stacked on a phone, so a long name or state keeps its room. */}
                  <div className="flex shrink-0 flex-col sm:flex-row sm:gap-1">
                    <MoveButton
                      direction="up"
                      name={s.name}
                      disabled={i === 0}
                      onClick={() => move(list, i, "up")}
                    />
                    <MoveButton
                      direction="down"
                      name={s.name}
                      disabled={i === lists[list].length - 1}
                      onClick={() => move(list, i, "down")}
                    />
                  </div>
                </li>
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

function MoveButton({
  direction,
  name,
  disabled,
  onClick,
}: {
  direction: "up" | "down";
  name: string;
  disabled: boolean;
  onClick: () => void;
}) {
  const Icon = direction === "up" ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      data-move={direction}
      aria-label={`Move ${name} ${direction}`}
      title={`Move ${direction}`}
      disabled={disabled}
      onClick={onClick}
      className="rounded-md p-2 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-30 disabled:hover:bg-transparent dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
    >
      <Icon className="size-4" aria-hidden="true" />
    </button>
  );
}
