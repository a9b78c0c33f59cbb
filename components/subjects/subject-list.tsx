"use client";

import type { LucideIcon } from "lucide-react";
import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { DataTable, ListStates, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";

/** What a kind of subject tells the list page about itself. */
export type SubjectListKind = {
  title: string;
  description: string;
  /** The dashboard path of the list; a row links to `${href}/${id}`. */
  href: string;
  /** "monitor", as in "New monitor" and "Loading monitors…". */
  noun: string;
  empty: { icon: LucideIcon; text: ReactNode };
};

/** A dashboard list of monitors, heartbeats or the next kind: header, states, and one row each. */
export function SubjectList<T extends { id: string }>({
  kind,
  query,
  tickMs,
  columns,
}: {
  kind: SubjectListKind;
  query: { data?: readonly T[]; isLoading: boolean; error: { message: string } | null };
  /** How often relative times in the rows move on. */
  tickMs: number;
  columns: (now: number) => readonly Column<T>[];
}) {
  const { title, description, href, noun, empty } = kind;
  const now = useNow(tickMs);
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <ButtonLink href={`${href}/new`}>
            <Plus className="size-4" aria-hidden="true" /> New {noun}
          </ButtonLink>
        }
      />
      <ListStates
        noun={`${noun}s`}
        query={query}
        className="mt-8"
        empty={
          <EmptyState icon={empty.icon} title={`No ${noun}s yet`}>
            {empty.text}
          </EmptyState>
        }
      >
        {(rows) => (
          <DataTable
            label={title}
            rows={rows}
            columns={columns(now)}
            rowTestId={`${noun}-row`}
            className="mt-8"
            tableClassName="sm:min-w-[720px]"
          />
        )}
      </ListStates>
    </>
  );
}
