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

/** A bordered table of rows, one column definition each; it scrolls sideways on a narrow screen. */
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
      <table className={clsx("w-full text-left text-sm", tableClassName)} aria-label={label}>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={clsx("px-4 py-3 font-medium", c.className)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr
              key={row.id}
              className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40"
              data-testid={rowTestId}
            >
              {columns.map((c) => (
                <td key={c.header} className={clsx("px-4 py-3", c.className, c.cellClassName)}>
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
