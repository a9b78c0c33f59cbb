"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ApiKeyForm, type NewApiKey } from "@/components/settings/api-key-form";
import { NewApiKeyNotice } from "@/components/settings/new-api-key";
import { ApiKeysTable } from "@/components/settings/api-keys-table";

/** Settings → API keys: create (the key shown once), list and revoke the workspace's keys. */
export function ApiKeysPanel({ email }: { email?: string }) {
  const trpc = useTRPC();
  const { data, error, isLoading } = useQuery(trpc.apiKeys.list.queryOptions());
  const [created, setCreated] = useState<NewApiKey | null>(null);

  return (
    <section
      aria-labelledby="api-keys-title"
      className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h2 id="api-keys-title" className="font-medium">
          API keys
        </h2>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
          Jobs and scripts use an API key with the REST API (Authorization: Bearer …). A read-only
          key can only read.
        </p>
      </div>
      {created ? (
        <div className="px-5 pt-4 pb-2">
          <NewApiKeyNotice created={created} onDone={() => setCreated(null)} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="px-5 py-4 text-sm text-red-600 dark:text-red-400">
          Could not load API keys: {error.message}
        </p>
      ) : isLoading ? (
        <p className="px-5 py-4 text-sm text-zinc-500">Loading API keys…</p>
      ) : data?.length ? (
        <ApiKeysTable keys={data} />
      ) : (
        <p className="px-5 py-4 text-sm text-zinc-500 dark:text-zinc-400">No API keys yet.</p>
      )}
      <div className="border-t border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <h3 className="mb-3 text-sm font-medium">New key</h3>
        <ApiKeyForm onCreated={setCreated} />
        <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">
          From a shell:{" "}
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono break-all text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            npx vigil apikey:create --email {email ?? "you@example.com"} --scope read
          </code>
          . Vigil stores only a hash of each key.
        </p>
      </div>
    </section>
  );
}
