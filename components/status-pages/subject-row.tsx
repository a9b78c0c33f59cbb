import clsx from "clsx";
import { ArrowDown, ArrowUp, EyeOff } from "lucide-react";
import type { Ref } from "react";
import { StatusBadge } from "@/components/monitors/status-badge";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import { Switch } from "@/components/status-pages/switch";
import type { PageSubject } from "@/server/services/status-pages/list-page-subjects";

/** One monitor or heartbeat in the page editor: show/hide switch, name and state, move up/down. */
export function SubjectRow({
  subject: s,
  rowRef,
  isFirst,
  isLast,
  onToggle,
  onMove,
}: {
  subject: PageSubject;
  rowRef: Ref<HTMLLIElement>;
  isFirst: boolean;
  isLast: boolean;
  onToggle: () => void;
  onMove: (direction: "up" | "down") => void;
}) {
  return (
    <li
      ref={rowRef}
      data-testid="subject-row"
      data-hidden={s.hidden}
      className="flex items-center gap-2 px-3 py-2 sm:gap-3"
    >
      <Switch checked={!s.hidden} aria-label={`Show ${s.name}`} onClick={onToggle} />
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
        <MoveButton direction="up" name={s.name} disabled={isFirst} onClick={() => onMove("up")} />
        <MoveButton
          direction="down"
          name={s.name}
          disabled={isLast}
          onClick={() => onMove("down")}
        />
      </div>
    </li>
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
      className="flex items-center justify-center rounded-md p-2 text-zinc-500 max-sm:size-11 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-30 disabled:hover:bg-transparent dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
    >
      <Icon className="size-4" aria-hidden="true" />
    </button>
  );
}
