"use client";

import { useEffect } from "react";
import { LogoMark } from "@/components/ui/logo";

/**
 * What an open tab shows once its page turned private or was deleted: the old content is gone, and
 * the words are the same for both, so a visitor learns nothing about a private page.
 */
export function PageUnavailable() {
  useEffect(() => {
    document.title = "Page not available";
  }, []);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-zinc-50 px-4 text-center dark:bg-zinc-950">
      <main className="max-w-md" data-testid="page-unavailable">
        <h1 className="text-2xl font-semibold tracking-tight" role="alert">
          This page is no longer available
        </h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Its owner made it private or removed it.
        </p>
      </main>
      <a
        href="/"
        className="inline-flex min-h-11 items-center gap-1.5 text-xs text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        <LogoMark className="size-4" /> Powered by Vigil
      </a>
    </div>
  );
}
