import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export function EmptyState({
  icon: Icon,
  title,
  children,
}: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="mt-8 flex flex-col items-center rounded-2xl border border-dashed border-zinc-300 bg-white px-6 py-14 text-center dark:border-zinc-700 dark:bg-zinc-900">
      <span className="flex size-11 items-center justify-center rounded-full bg-zinc-100 dark:bg-zinc-800">
        <Icon className="size-5 text-zinc-500 dark:text-zinc-400" aria-hidden="true" />
      </span>
      <h2 className="mt-4 font-medium">{title}</h2>
      <div className="mt-1.5 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
    </div>
  );
}
