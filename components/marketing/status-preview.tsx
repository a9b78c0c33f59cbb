const services = [
  { name: "API", uptime: "99.98%", state: "Operational", tone: "up" },
  { name: "Dashboard", uptime: "100.00%", state: "Operational", tone: "up" },
  { name: "Webhooks", uptime: "99.71%", state: "Degraded", tone: "warn" },
] as const;

const jobs = [
  { name: "nightly-sync", detail: "last ping 3 min ago", state: "On time", tone: "up" },
  { name: "db-backup", detail: "running for 4 min", state: "Running", tone: "run" },
  { name: "invoice-report", detail: "expected 02:00, no ping", state: "Missing", tone: "down" },
] as const;

const toneClass = {
  up: "bg-brand-500",
  warn: "bg-amber-400",
  down: "bg-red-500",
  run: "bg-sky-500",
} as const;

const bars = Array.from({ length: 45 }, (_, i) => (i === 31 ? "warn" : i === 38 ? "down" : "up"));

/** A static picture of a Vigil status page, for the landing page. */
export function StatusPreview() {
  return (
    <div
      aria-hidden="true"
      className="rounded-2xl border border-zinc-200 bg-white p-5 text-left shadow-xl shadow-zinc-900/5 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-black/30"
    >
      <div className="flex items-center justify-between rounded-xl bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
        <span>Partial outage</span>
        <span className="flex items-center gap-1.5 text-xs font-normal">
          <span className="size-1.5 animate-pulse rounded-full bg-brand-500" /> live
        </span>
      </div>
      <PreviewList
        title="Services"
        rows={services.map((s) => ({ ...s, text: `${s.uptime} · ${s.state}` }))}
      />
      <div className="mt-1 flex gap-[2px]">
        {bars.map((tone, i) => (
          <span key={i} className={`h-6 flex-1 rounded-[2px] ${toneClass[tone]} opacity-80`} />
        ))}
      </div>
      <PreviewList
        title="Scheduled jobs"
        mono
        rows={jobs.map((j) => ({ ...j, text: `${j.state} · ${j.detail}` }))}
      />
    </div>
  );
}

function PreviewList({
  title,
  mono = false,
  rows,
}: {
  title: string;
  mono?: boolean;
  rows: { name: string; tone: keyof typeof toneClass; text: string }[];
}) {
  return (
    <>
      <p className="mt-5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</p>
      <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
        {rows.map((r) => (
          <li key={r.name} className="flex items-center justify-between py-2.5 text-sm">
            <span className={`flex items-center gap-2${mono ? " font-mono text-[13px]" : ""}`}>
              <span className={`size-2 rounded-full ${toneClass[r.tone]}`} />
              {r.name}
            </span>
            <span className="text-zinc-500 dark:text-zinc-400">{r.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
