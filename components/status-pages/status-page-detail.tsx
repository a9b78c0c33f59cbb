"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/panel";
import { VisibilityPill } from "@/components/status-pages/visibility-pill";
import { PageLinks } from "@/components/status-pages/page-links";
import { VisibilitySetting } from "@/components/status-pages/visibility-setting";
import { ToggleSetting } from "@/components/status-pages/toggle-setting";
import { StatusPageForm } from "@/components/status-pages/status-page-form";
import { SubjectsEditor } from "@/components/status-pages/subjects-editor";
import { AnnouncementsSection } from "@/components/announcements/announcements-section";
import { sentence, statusPageFieldErrors } from "@/components/status-pages/field-errors";

/** One status page's settings: visibility, title/slug/description, what it shows, delete. */
export function StatusPageDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: page, error } = useQuery(trpc.statusPage.get.queryOptions({ id }));
  const update = useMutation(trpc.statusPage.update.mutationOptions());
  const remove = useMutation(trpc.statusPage.delete.mutationOptions());
  const [visibilityError, setVisibilityError] = useState<string | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [autoAddError, setAutoAddError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.statusPage.pathKey() });

  if (error)
    return (
      <p role="alert" className="text-sm text-red-600">
        {error.message}
      </p>
    );
  if (!page) return <p className="text-sm text-zinc-500">Loading…</p>;

  const saved = (next: typeof page) => {
    queryClient.setQueryData(trpc.statusPage.get.queryKey({ id }), next);
    void refresh();
  };
  /** Saves one switch's change at once, its error shown beside it. */
  const saveSwitch =
    <K extends "visibility" | "showJobFailures" | "autoAddSubjects">(
      key: K,
      setError: (error: string | null) => void,
    ) =>
    (value: (typeof page)[K]) =>
      void (async () => {
        setError(null);
        try {
          saved(await update.mutateAsync({ id, changes: { [key]: value } }));
        } catch (e) {
          setError(sentence((e as Error).message));
        }
      })();

  return (
    <div className="space-y-6">
      <Link
        href="/dashboard/status-pages"
        className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> Status pages
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight wrap-anywhere">
              {page.title}
            </h1>
            <span data-testid="visibility">
              <VisibilityPill visibility={page.visibility} />
            </span>
          </div>
          <p className="mt-1 font-mono text-sm wrap-anywhere text-zinc-500 dark:text-zinc-400">
            {page.url}
          </p>
        </div>
        <PageLinks url={page.url} title={page.title} />
      </div>

      <Card title="Visibility">
        <VisibilitySetting
          visibility={page.visibility}
          slug={page.slug}
          busy={update.isPending}
          error={visibilityError}
          onChange={saveSwitch("visibility", setVisibilityError)}
        />
      </Card>

      <Card title="Announcements">
        <AnnouncementsSection statusPageId={id} />
      </Card>

      <Card title="Incident history">
        <ToggleSetting
          label="Show job failures"
          on="A heartbeat's failed runs are in the public history, one entry per job per day however many runs failed."
          off="A heartbeat's failed runs stay out of the public history; the job's current state still shows with the scheduled jobs."
          checked={page.showJobFailures}
          busy={update.isPending}
          error={historyError}
          onChange={saveSwitch("showJobFailures", setHistoryError)}
        />
      </Card>

      <Card title="Monitors and heartbeats on the page">
        <div className="mb-5 border-b border-zinc-200 pb-5 dark:border-zinc-800">
          <ToggleSetting
            label="Add new monitors and heartbeats automatically"
            on="A monitor or heartbeat created later shows here, unless it is unticked for this page when it is created."
            off="A monitor or heartbeat created later starts hidden here; show it below when it is ready."
            checked={page.autoAddSubjects}
            busy={update.isPending}
            error={autoAddError}
            onChange={saveSwitch("autoAddSubjects", setAutoAddError)}
          />
        </div>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Hide the ones visitors should not see and put the rest in order.
        </p>
        <SubjectsEditor statusPageId={id} />
      </Card>

      <Card title="Page settings">
        <div className="max-w-2xl">
          <StatusPageForm
            // Fresh after a save, but not when only the visibility changed: unsaved edits stay.
            key={`${page.title}\n${page.slug}\n${page.description}`}
            initial={{ title: page.title, slug: page.slug, description: page.description }}
            isNew={false}
            submitLabel="Save settings"
            onSubmit={async (values) => {
              try {
                saved(await update.mutateAsync({ id, changes: values }));
              } catch (e) {
                return statusPageFieldErrors(e);
              }
            }}
          />
        </div>
      </Card>

      <Card title="Delete">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The page goes away at once and its address /status/{page.slug} is free for any page.
            Monitors and heartbeats stay.
          </p>
          <Button
            variant="secondary"
            className="text-red-700 dark:text-red-400"
            disabled={remove.isPending}
            onClick={() =>
              void (async () => {
                if (!window.confirm(`Delete the status page "${page.title}"? Visitors get 404.`))
                  return;
                await remove.mutateAsync({ id });
                queryClient.removeQueries({ queryKey: trpc.statusPage.get.queryKey({ id }) });
                await refresh();
                router.push("/dashboard/status-pages");
              })()
            }
          >
            <Trash2 className="size-4" aria-hidden="true" /> Delete status page
          </Button>
        </div>
      </Card>
    </div>
  );
}
