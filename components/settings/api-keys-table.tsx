"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/components/ui/use-now";
import { formatAgo } from "@/components/monitors/format";
import { DateTime } from "@/components/ui/time-text";
import type { ApiKeyView as ApiKeyRow } from "@/server/services/api-keys/api-key-view";

// The first and last cells line up with the section's own padding.
const th = "px-3 py-2.5 font-medium first:pl-5 last:pr-5";
const td = "px-3 py-3 align-middle first:pl-5 last:pr-5";
// Below 640 px a key is a card: its name on a line of its own, then scope and Revoke.
const card = "max-sm:block max-sm:p-0 max-sm:first:pl-0 max-sm:last:pr-0";

function Expiry({ at, now }: { at: Date | null; now: number }) {
  if (!at) return <>Never</>;
  if (at.getTime() <= now) return <span className="text-red-600 dark:text-red-400">Expired</span>;
  return <DateTime at={at} dateOnly />;
}

export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions());

  async function onRevoke(k: ApiKeyRow) {
    if (!window.confirm(`Revoke “${k.name}”? Anything using it gets 401 from its next request.`))
      return;
    await revoke.mutateAsync({ id: k.id });
    await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm max-sm:block" aria-label="API keys">
        <thead className="border-b max-sm:sr-only border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Prefix
            </th>
            <th scope="col" className={th}>
              Scope
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              Created
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Last used
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              Expires
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 max-sm:block dark:divide-zinc-800">
          {keys.map((k) => (
            <tr
              key={k.id}
              data-testid="api-key-row"
              className="max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-2 max-sm:px-5 max-sm:py-3"
            >
              <td
                className={`${td} ${card} max-w-48 wrap-anywhere max-sm:w-full max-sm:max-w-none`}
              >
                <span className="font-medium">{k.name}</span>
                <span className="mt-0.5 block font-mono text-xs text-zinc-500 md:hidden dark:text-zinc-400">
                  {k.prefix}…
                </span>
                <span className="mt-0.5 block text-xs text-zinc-500 sm:hidden dark:text-zinc-400">
                  Last used: {formatAgo(k.lastUsedAt, now)} · Expires:{" "}
                  <Expiry at={k.expiresAt} now={now} />
                </span>
              </td>
              <td className={`${td} hidden font-mono text-xs md:table-cell`}>{k.prefix}…</td>
              <td className={`${td} ${card}`}>
                <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap dark:bg-zinc-800">
                  {k.scope === "read" ? "Read only" : "Read & write"}
                </span>
              </td>
              <td className={`${td} hidden whitespace-nowrap lg:table-cell`}>
                <DateTime at={k.createdAt} dateOnly />
              </td>
              <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>
                {formatAgo(k.lastUsedAt, now)}
              </td>
              <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>
                <Expiry at={k.expiresAt} now={now} />
              </td>
              <td className={`${td} ${card} text-right max-sm:ml-auto`}>
                <button
                  type="button"
                  onClick={() => void onRevoke(k)}
                  disabled={revoke.isPending}
                  aria-label={`Revoke ${k.name}`}
                  className="rounded-md px-2 py-1 text-sm font-medium text-red-700 max-sm:min-h-11 max-sm:px-3 hover:bg-red-50 disabled:opacity-60 dark:text-red-400 dark:hover:bg-red-950/40"
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoke.error ? (
        <p role="alert" className="px-5 pb-3 text-sm text-red-600 dark:text-red-400">
          Could not revoke: {revoke.error.message}
        </p>
      ) : null}
    </div>
  );
}
