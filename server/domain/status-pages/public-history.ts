import type { IncidentView } from "@/server/domain/status-pages/page-view";

const DAY_MS = 86_400_000;

/** An incident as the page reads it, with its cause already in a visitor's words. */
export type HistoryRow = {
  id: string;
  subjectKind: "monitor" | "heartbeat";
  subjectId: string;
  /** The subject's name on the page. */
  name: string;
  /** The state the flip that opened it went into: "down", "failed", "missing". */
  openedAs: string;
  /** The state the flip that resolved it left; null while it is open. */
  recoveredFrom: string | null;
  cause: string | null;
  startedMs: number;
  resolvedMs: number | null;
};

export type HistoryOptions = {
  /** Off: a job's failed runs stay out of the history (its state still shows with the jobs). */
  showJobFailures: boolean;
  /** How many resolved entries to keep, newest first, after folding. */
  resolvedLimit: number;
};

const isJobFailure = (r: HistoryRow) => r.subjectKind === "heartbeat" && r.openedAs === "failed";

/** A failed run that the job's next run ended, not one that went on into a missed schedule. */
const recoveredAtNextRun = (r: HistoryRow) =>
  isJobFailure(r) &&
  r.resolvedMs !== null &&
  (r.recoveredFrom === "failed" || r.recoveredFrom === "running");

const iso = (ms: number) => new Date(ms).toISOString();

/** Entries by their latest start (a folded entry's last failed run), newest first. */
export const newestFirst = (a: IncidentView, b: IncidentView) =>
  (b.runs?.lastAt ?? b.startedAt).localeCompare(a.runs?.lastAt ?? a.startedAt) ||
  a.id.localeCompare(b.id);

/** "Checkout API was down", "backup-3am is failing": what a visitor reads as the entry's title. */
function incidentTitle(
  row: Pick<HistoryRow, "name" | "subjectKind" | "openedAs">,
  resolved: boolean,
) {
  const { name } = row;
  if (row.subjectKind === "monitor") return resolved ? `${name} was down` : `${name} is down`;
  if (row.openedAs === "failed") return resolved ? `${name} failed` : `${name} is failing`;
  return resolved ? `${name} missed its schedule` : `${name} is missing`;
}

function single(r: HistoryRow): IncidentView {
  return {
    id: r.id,
    subjectKind: r.subjectKind,
    subjectId: r.subjectId,
    title: incidentTitle(r, r.resolvedMs !== null),
    cause: r.cause,
    startedAt: iso(r.startedMs),
    resolvedAt: r.resolvedMs === null ? null : iso(r.resolvedMs),
  };
}

/** Several recovered failures of one job on one UTC day, as one entry named by the first. */
function folded(runs: HistoryRow[]): IncidentView {
  const byStart = [...runs].sort((a, b) => a.startedMs - b.startedMs);
  const first = byStart[0]!;
  const last = byStart[byStart.length - 1]!;
  const causes = new Set(byStart.map((r) => r.cause));
  const resolvedMs = Math.max(...byStart.map((r) => r.resolvedMs ?? r.startedMs));
  return {
    ...single(first),
    title: `${first.name} failed ${runs.length} times`,
    cause: causes.size === 1 ? first.cause : "Each run reported a failure",
    resolvedAt: iso(resolvedMs),
    runs: { count: runs.length, firstAt: iso(first.startedMs), lastAt: iso(last.startedMs) },
  };
}

/**
 * The public history: open incidents first (newest first), then resolved ones newest first, with a
 * job's failed runs that recovered at the next run folded into one entry per job per UTC day.
 * Days are UTC days on the server, whoever reads the page.
 */
export function publicHistory(
  rows: readonly HistoryRow[],
  options: HistoryOptions,
): IncidentView[] {
  const shown = options.showJobFailures ? rows : rows.filter((r) => !isJobFailure(r));
  const open = shown.filter((r) => r.resolvedMs === null);
  const runsByJobDay = new Map<string, HistoryRow[]>();
  const resolved: IncidentView[] = [];
  for (const r of shown) {
    if (r.resolvedMs === null) continue;
    if (!recoveredAtNextRun(r)) {
      resolved.push(single(r));
      continue;
    }
    const key = `${r.subjectId} ${Math.floor(r.startedMs / DAY_MS)}`;
    const runs = runsByJobDay.get(key);
    if (runs) runs.push(r);
    else runsByJobDay.set(key, [r]);
  }
  for (const runs of runsByJobDay.values())
    resolved.push(runs.length === 1 ? single(runs[0]!) : folded(runs));
  return [
    ...open.map(single).sort(newestFirst),
    ...resolved.sort(newestFirst).slice(0, options.resolvedLimit),
  ];
}
