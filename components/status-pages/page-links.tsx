"use client";

import { Check, Copy, ExternalLink } from "lucide-react";
import { useState } from "react";

const link =
  "inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium text-zinc-700 max-sm:min-h-11 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white";

/** Open the live page in a new tab (a plain link: it leaves the dashboard) and copy its URL. */
export function PageLinks({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-1">
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        className={link}
        aria-label={`Open ${title} (new tab)`}
      >
        <ExternalLink className="size-4" aria-hidden="true" /> Open page
      </a>
      <button
        type="button"
        className={link}
        aria-label={`Copy URL of ${title}`}
        onClick={() =>
          void (async () => {
            try {
              await navigator.clipboard.writeText(url);
            } catch {
              // No clipboard access (an insecure origin, or permission refused): let them copy by hand.
              window.prompt("Copy the page's URL", url);
              return;
            }
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          })()
        }
      >
        {copied ? (
          <Check className="size-4" aria-hidden="true" />
        ) : (
          <Copy className="size-4" aria-hidden="true" />
        )}
        {copied ? "Copied" : "Copy URL"}
      </button>
    </div>
  );
}
