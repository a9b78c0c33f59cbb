"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

function snippets(url: string): [string, string][] {
  return [
    ["curl", `curl -fsS -m 10 --retry 5 -o /dev/null ${url}`],
    ["cron", `0 3 * * * /usr/local/bin/backup.sh && curl -fsS -m 10 --retry 5 -o /dev/null ${url}`],
    [
      "Start, then exit status",
      `curl -fsS -m 10 -o /dev/null "${url}/start?rid=$RID"\n/usr/local/bin/backup.sh\ncurl -fsS -m 10 --retry 5 -o /dev/null --data-binary @/tmp/backup.log "${url}/$??rid=$RID"`,
    ],
    [
      "systemd",
      `# backup.service\n[Service]\nExecStartPre=-/usr/bin/curl -fsS -m 10 -o /dev/null ${url}/start\nExecStart=/usr/local/bin/backup.sh\nExecStopPost=/bin/sh -c '/usr/bin/curl -fsS -m 10 -o /dev/null ${url}/$EXIT_STATUS'`,
    ],
    [
      "GitHub Actions",
      `- name: Report to Vigil\n  if: always()\n  run: curl -fsS -m 10 --retry 5 -o /dev/null ${url}/\${{ job.status == 'success' && '0' || 'fail' }}`,
    ],
  ];
}

/** Copy-paste ways to ping from a job: curl, cron, start + exit status, systemd, GitHub Actions. */
export function PingSnippets({ url }: { url: string }) {
  const list = snippets(url);
  const [tab, setTab] = useState(0);
  const [copied, setCopied] = useState(false);
  const [, code] = list[tab] ?? list[0] ?? ["", ""];
  return (
    <div>
      <div className="flex items-start justify-between gap-2">
        <div role="tablist" aria-label="Ping snippets" className="flex flex-wrap gap-1">
          {list.map(([name], i) => (
            <button
              key={name}
              role="tab"
              aria-selected={tab === i}
              onClick={() => setTab(i)}
              className={`min-h-11 rounded-md px-3 py-1 text-xs font-medium sm:min-h-0 sm:px-2.5 ${tab === i ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"}`}
            >
              {name}
            </button>
          ))}
        </div>
        {/* Beside the tabs, not over the snippet: on a phone it would hide the end of the line. */}
        <button
          type="button"
          aria-label="Copy snippet"
          onClick={() =>
            void (async () => {
              await navigator.clipboard?.writeText(code);
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            })()
          }
          className="flex size-11 shrink-0 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 sm:size-8 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
        >
          {copied ? <Check className="size-4" /> : <Copy className="size-4" />}
        </button>
      </div>
      <pre
        tabIndex={0}
        className="mt-3 overflow-x-auto rounded-lg bg-zinc-950 p-4 text-xs leading-relaxed text-zinc-100"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
