"use client";

import { useId, useState } from "react";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  assertionComparisons,
  assertionSources,
  type Assertion,
} from "@/server/domain/monitors/assertions";
import { COMPARISON_WORDS, SOURCE_WORDS } from "@/components/monitors/assertion-words";

const control =
  "block w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900";

type Row = Assertion & { key: number };

/** Rows of "what to check, how, against what"; the form reads them by name, in order. */
export function AssertionsEditor({ initial, error }: { initial: Assertion[]; error?: string }) {
  const id = useId();
  const [rows, setRows] = useState<Row[]>(() => initial.map((a, key) => ({ ...a, key })));
  const [next, setNext] = useState(initial.length);
  const add = () => {
    setRows([...rows, { key: next, source: "status_code", comparison: "eq", target: "" }]);
    setNext(next + 1);
  };
  return (
    <fieldset className="space-y-3 sm:col-span-2" aria-describedby={`${id}-note`}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Assertions</legend>
      <p id={`${id}-note`} className="text-xs text-zinc-500 dark:text-zinc-400">
        Every one must hold on every check, or the check fails naming it. A status code assertion
        replaces the accepted status codes.
      </p>
      {rows.length > 0 ? (
        <ol className="space-y-3 sm:space-y-2" aria-label="Assertions">
          {rows.map((row, i) => (
            <li
              key={row.key}
              className="grid grid-cols-[1fr_auto] gap-2 max-sm:rounded-lg max-sm:border max-sm:border-zinc-200 max-sm:p-3 sm:grid-cols-[11rem_11rem_1fr_auto] dark:max-sm:border-zinc-800"
              data-testid="assertion-row"
            >
              <select
                name="assertionSource"
                aria-label={`Assertion ${i + 1}: what to check`}
                defaultValue={row.source}
                className={`${control} max-sm:col-span-2`}
              >
                {assertionSources.map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_WORDS[s]}
                  </option>
                ))}
              </select>
              <select
                name="assertionComparison"
                aria-label={`Assertion ${i + 1}: comparison`}
                defaultValue={row.comparison}
                className={`${control} max-sm:col-span-2`}
              >
                {assertionComparisons.map((c) => (
                  <option key={c} value={c}>
                    {COMPARISON_WORDS[c]}
                  </option>
                ))}
              </select>
              <input
                name="assertionTarget"
                aria-label={`Assertion ${i + 1}: value`}
                defaultValue={row.target}
                maxLength={1000}
                placeholder="200"
                aria-invalid={error?.startsWith(`Assertion ${i + 1}:`) ? true : undefined}
                className={control}
              />
              <Button
                type="button"
                variant="ghost"
                className="px-2"
                aria-label={`Remove assertion ${i + 1}`}
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              >
                <X className="size-4" aria-hidden />
              </Button>
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {rows.length < 20 ? (
        <Button type="button" variant="secondary" onClick={add}>
          <Plus className="size-4" aria-hidden /> Add assertion
        </Button>
      ) : null}
    </fieldset>
  );
}
