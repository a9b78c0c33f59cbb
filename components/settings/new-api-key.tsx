"use client";

import { Check, Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { NewApiKey } from "@/components/settings/api-key-form";

/** The one time a key is shown: copy it now or make another. */
export function NewApiKeyNotice({ created, onDone }: { created: NewApiKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-900/60 dark:bg-amber-950/40"
    >
      <p className="flex items-start gap-2 font-medium">
        <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        <span>Your new key “{created.name}”. Copy it now: it will not be shown again.</span>
      </p>
      <code
        className="mt-3 block rounded-lg bg-white px-3 py-2 font-mono text-xs break-all select-all dark:bg-zinc-900"
        data-testid="new-api-key"
      >
        {created.key}
      </code>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void (async () => {
              try {
                await navigator.clipboard.writeText(created.key);
              } catch {
                // No clipboard access (an insecure origin, or permission refused): copy by hand.
                window.prompt("Copy your API key", created.key);
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
          {copied ? "Copied" : "Copy key"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
