"use client";

import clsx from "clsx";
import { ArrowLeft, Pause, Pencil, Play, Trash2 } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import type { SubjectControls } from "@/components/subjects/use-subject-controls";

/**
 * The top of a monitor's or heartbeat's page: back link, name with its state, a line of facts,
 * and Edit / Pause or Resume / Delete. The name wraps rather than truncates on a phone.
 */
export function SubjectHeader({
  id,
  area,
  name,
  mono = false,
  status,
  facts,
  children,
  paused,
  controls,
  deleteQuestion,
}: {
  id: string;
  /** The list the subject belongs to: `{ href: "/dashboard/monitors", label: "Monitors", noun: "monitor" }`. */
  area: { href: string; label: string; noun: string };
  name: string;
  mono?: boolean;
  status: ReactNode;
  facts: ReactNode;
  children?: ReactNode;
  paused: boolean;
  controls: SubjectControls;
  deleteQuestion: string;
}) {
  return (
    <>
      <Link
        href={area.href}
        className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900 dark:hover:text-white"
      >
        <ArrowLeft className="size-4" aria-hidden="true" /> {area.label}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1
              className={clsx(
                "min-w-0 text-2xl font-semibold tracking-tight wrap-anywhere",
                mono && "font-mono",
              )}
            >
              {name}
            </h1>
            {status}
          </div>
          <p className="mt-1 text-sm wrap-anywhere text-zinc-500 dark:text-zinc-400">{facts}</p>
          {children}
        </div>
        <div className="flex gap-2">
          <ButtonLink href={`${area.href}/${id}/edit`} variant="secondary">
            <Pencil className="size-4" aria-hidden="true" /> Edit
          </ButtonLink>
          {paused ? (
            <Button variant="secondary" onClick={controls.resume} disabled={controls.busy}>
              <Play className="size-4" aria-hidden="true" /> Resume
            </Button>
          ) : (
            <Button variant="secondary" onClick={controls.pause} disabled={controls.busy}>
              <Pause className="size-4" aria-hidden="true" /> Pause
            </Button>
          )}
          <Button
            variant="ghost"
            aria-label={`Delete ${area.noun}`}
            onClick={() => void controls.remove(deleteQuestion)}
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
        </div>
      </div>
    </>
  );
}
