import clsx from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";

export type Column<T> = {
  header: string;
  /** Classes for the header and the cells alike (alignment, hiding on a phone). */
  className?: string;
  /** Classes for the cells only. */
  cellClassName?: string;
  cell: (row: T) => ReactNode;
};

// Below 640 px each row is a card: cells stack, each under its column's name, and long values wrap.
const card = {
  table: "max-sm:block",
  head: "max-sm:sr-only",
  body: "max-sm:block",
  row: "max-sm:flex max-sm:flex-wrap max-sm:gap-x-6 max-sm:gap-y-2 max-sm:px-4 max-sm:py-3",
  cell: "max-sm:block max-sm:p-0 max-sm:text-left",
  first: "max-sm:w-full",
  label:
    "max-sm:before:block max-sm:before:text-xs max-sm:before:font-normal max-sm:before:text-zinc-500 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-zinc-400",
};

/** A bordered table of rows, one column definition each; a card per row on a phone. */
export function DataTable<T extends { id: string }>({
  label,
  rows,
  columns,
  rowTestId,
  className,
  tableClassName,
}: {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowTestId: string;
  className?: string;
  tableClassName?: string;
}) {
  return (
    <div
      className={clsx(
        "overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900",
        className,
      )}
    >
      <table
        className={clsx("w-full text-left text-sm", card.table, tableClassName)}
        aria-label={label}
      >
        <thead
          className={clsx(
            card.head,
            "border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400",
          )}
        >
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={clsx("px-4 py-3 font-medium", c.className)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={clsx(card.body, "divide-y divide-zinc-100 dark:divide-zinc-800")}>
          {rows.map((row) => (
            <tr
              key={row.id}
              className={clsx(card.row, "hover:bg-zinc-50 dark:hover:bg-zinc-800/40")}
              data-testid={rowTestId}
            >
              {columns.map((c, i) => (
                <td
                  key={c.header}
                  data-label={i === 0 ? undefined : c.header}
                  className={clsx(
                    "px-4 py-3 wrap-anywhere",
                    // A column hidden on a phone stays hidden in its card.
                    !c.className?.includes("hidden") && card.cell,
                    i === 0 ? card.first : card.label,
                    c.className,
                    c.cellClassName,
                  )}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a list shows before its rows: the load error, "Loading…", or its empty state. */
export function ListStates<T>({
  noun,
  query,
  empty,
  className,
  children,
}: {
  noun: string;
  query: { data?: readonly T[]; isLoading: boolean; error: { message: string } | null };
  empty: ReactNode;
  className?: string;
  children: (rows: readonly T[]) => ReactNode;
}) {
  if (query.error)
    return (
      <p role="alert" className={clsx(className, "text-sm text-red-600")}>
        Could not load {noun}: {query.error.message}
      </p>
    );
  if (query.isLoading)
    return <p className={clsx(className, "text-sm text-zinc-500")}>Loading {noun}…</p>;
  if (!query.data?.length) return <>{empty}</>;
  return <>{children(query.data)}</>;
}

/** A row's first cell: the name linking to its page, and one line about it below. */
export function NameCell({
  href,
  name,
  mono = false,
  detail,
  detailTitle,
}: {
  href: string;
  name: string;
  mono?: boolean;
  detail: ReactNode;
  detailTitle?: string;
}) {
  return (
    <>
      <Link
        href={href}
        className={clsx("font-medium hover:underline", mono && "font-mono text-[13px]")}
      >
        {name}
      </Link>
      <p
        className={clsx("text-xs text-zinc-500 dark:text-zinc-400", detailTitle && "truncate")}
        title={detailTitle}
      >
        {detail}
      </p>
    </>
  );
}
