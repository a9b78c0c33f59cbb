"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/client";
import { PageHeader } from "@/components/dashboard/page-header";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { SecurityPanel } from "@/components/settings/security-panel";

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 className="font-medium">{title}</h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
      <dl className="divide-y divide-zinc-100 px-5 dark:divide-zinc-800">{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 text-sm sm:grid-cols-3">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words sm:col-span-2">{children}</dd>
    </div>
  );
}

export function SettingsView() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.workspace.current.queryOptions());
  const dash = "\u2014";
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your account, your workspace and access for scripts."
      />
      <div className="mt-8 space-y-6">
        <Section title="Account" description="How you sign in to Vigil.">
          <Row label="Email">{data?.user.email ?? dash}</Row>
          <Row label="Name">{data?.user.name ?? dash}</Row>
        </Section>
        <Section
          title="Workspace"
          description="Monitors, heartbeats and status pages belong to a workspace."
        >
          <Row label="Name">{data?.name ?? dash}</Row>
          <Row label="Your role">
            {data ? data.role.charAt(0).toUpperCase() + data.role.slice(1) : dash}
          </Row>
          <Row label="Workspace ID">
            <code className="font-mono text-xs">{data?.id ?? dash}</code>
          </Row>
        </Section>
        <ApiKeysPanel email={data?.user.email} />
        <SecurityPanel />
      </div>
    </>
  );
}
