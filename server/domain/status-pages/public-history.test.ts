import { describe, expect, it } from "vitest";
import { publicHistory, type HistoryRow } from "@/server/domain/status-pages/public-history";
import { historyDays } from "@/server/domain/status-pages/history-days";

const at = (iso: string) => Date.parse(iso);
let seq = 0;

/** A job's failed run: failed at `start`, recovered by its next run `secs` later. */
function failedRun(start: string, over: Partial<HistoryRow> = {}): HistoryRow {
  seq++;
  return {
    id: `r${String(seq).padStart(3, "0")}`,
    subjectKind: "heartbeat",
    subjectId: "job",
    name: "backup-3am",
    openedAs: "failed",
    recoveredFrom: "running",
    cause: "The run failed (exit status 1)",
    startedMs: at(start),
    resolvedMs: at(start) + 20_000,
    ...over,
  };
}

function outage(start: string, end: string | null, over: Partial<HistoryRow> = {}): HistoryRow {
  seq++;
  return {
    id: `o${String(seq).padStart(3, "0")}`,
    subjectKind: "monitor",
    subjectId: "api",
    name: "API",
    openedAs: "down",
    recoveredFrom: end ? "down" : null,
    cause: "Not reachable",
    startedMs: at(start),
    resolvedMs: end ? at(end) : null,
    ...over,
  };
}

const shown = { showJobFailures: true, resolvedLimit: 20 };
const summary = (rows: HistoryRow[], options = shown) =>
  publicHistory(rows, options).map((e) => [e.title, e.runs?.count ?? 1, e.startedAt.slice(0, 16)]);

describe("publicHistory", () => {
  it.each<[string, HistoryRow[], [string, number, string][]]>([
    [
      "folds three failed runs in a minute into one entry",
      [
        failedRun("2026-12-06T20:21:05Z"),
        failedRun("2026-12-06T20:21:40Z"),
        failedRun("2026-12-06T20:22:10Z"),
      ],
      [["backup-3am failed 3 times", 3, "2026-12-06T20:21"]],
    ],
    [
      "keeps a single failed run as it is",
      [failedRun("2026-12-06T20:21:05Z")],
      [["backup-3am failed", 1, "2026-12-06T20:21"]],
    ],
    [
      "folds per UTC day: 23:59 and 00:00 are two days",
      [
        failedRun("2026-12-06T23:59:30Z"),
        failedRun("2026-12-06T23:58:30Z"),
        failedRun("2026-12-07T00:00:00Z"),
      ],
      [
        ["backup-3am failed", 1, "2026-12-07T00:00"],
        ["backup-3am failed 2 times", 2, "2026-12-06T23:58"],
      ],
    ],
    [
      "folds per job, not across jobs",
      [
        failedRun("2026-12-06T10:00:00Z"),
        failedRun("2026-12-06T10:01:00Z", { subjectId: "other", name: "sync" }),
        failedRun("2026-12-06T10:02:00Z"),
      ],
      // Newest first by the last failed run: backup-3am's second failure is the latest.
      [
        ["backup-3am failed 2 times", 2, "2026-12-06T10:00"],
        ["sync failed", 1, "2026-12-06T10:01"],
      ],
    ],
    [
      "keeps a failure that went on into a missed schedule on its own",
      [
        failedRun("2026-12-06T10:00:00Z"),
        failedRun("2026-12-06T11:00:00Z", { recoveredFrom: "missing" }),
        failedRun("2026-12-06T12:00:00Z"),
      ],
      [
        ["backup-3am failed 2 times", 2, "2026-12-06T10:00"],
        ["backup-3am failed", 1, "2026-12-06T11:00"],
      ],
    ],
    [
      "never folds a run still failing, and shows open entries first",
      [
        failedRun("2026-12-06T10:00:00Z"),
        failedRun("2026-12-06T10:01:00Z"),
        failedRun("2026-12-06T10:02:00Z", { resolvedMs: null, recoveredFrom: null }),
        outage("2026-12-06T12:00:00Z", "2026-12-06T12:05:00Z"),
      ],
      [
        ["backup-3am is failing", 1, "2026-12-06T10:02"],
        ["API was down", 1, "2026-12-06T12:00"],
        ["backup-3am failed 2 times", 2, "2026-12-06T10:00"],
      ],
    ],
    [
      "never folds a monitor's outages or a job's missed runs",
      [
        outage("2026-12-06T10:00:00Z", "2026-12-06T10:01:00Z"),
        outage("2026-12-06T10:02:00Z", "2026-12-06T10:03:00Z"),
        failedRun("2026-12-06T11:00:00Z", { openedAs: "missing", recoveredFrom: "missing" }),
        failedRun("2026-12-06T11:10:00Z", { openedAs: "missing", recoveredFrom: "missing" }),
      ],
      [
        ["backup-3am missed its schedule", 1, "2026-12-06T11:10"],
        ["backup-3am missed its schedule", 1, "2026-12-06T11:00"],
        ["API was down", 1, "2026-12-06T10:02"],
        ["API was down", 1, "2026-12-06T10:00"],
      ],
    ],
  ])("%s", (_name, rows, expected) => {
    expect(summary(rows)).toEqual(expected);
  });

  it("says between which runs the folded ones failed, and until when", () => {
    const [entry] = publicHistory(
      [
        failedRun("2026-12-06T20:22:10Z"),
        failedRun("2026-12-06T20:21:05Z", { id: "first" }),
        failedRun("2026-12-06T20:21:40Z"),
      ],
      shown,
    );
    expect(entry).toMatchObject({
      id: "first",
      cause: "The run failed (exit status 1)",
      startedAt: "2026-12-06T20:21:05.000Z",
      resolvedAt: "2026-12-06T20:22:30.000Z",
      runs: {
        count: 3,
        firstAt: "2026-12-06T20:21:05.000Z",
        lastAt: "2026-12-06T20:22:10.000Z",
      },
    });
  });

  it("names no single cause when the folded runs failed differently", () => {
    const [entry] = publicHistory(
      [
        failedRun("2026-12-06T20:21:05Z"),
        failedRun("2026-12-06T20:22:05Z", { cause: "The run reported a failure" }),
      ],
      shown,
    );
    expect(entry?.cause).toBe("Each run reported a failure");
  });

  it("leaves job failures off, open or not, when the page says so; outages and missed runs stay", () => {
    const rows = [
      failedRun("2026-12-06T10:00:00Z"),
      failedRun("2026-12-06T10:02:00Z", { resolvedMs: null, recoveredFrom: null }),
      failedRun("2026-12-06T11:00:00Z", { openedAs: "missing", recoveredFrom: "missing" }),
      outage("2026-12-06T12:00:00Z", "2026-12-06T12:05:00Z"),
    ];
    expect(summary(rows, { showJobFailures: false, resolvedLimit: 20 })).toEqual([
      ["API was down", 1, "2026-12-06T12:00"],
      ["backup-3am missed its schedule", 1, "2026-12-06T11:00"],
    ]);
  });

  it("keeps the newest resolved entries after folding, and every open one", () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) =>
        failedRun(`2026-12-06T10:${String(i).padStart(2, "0")}:00Z`),
      ),
      outage("2026-12-05T10:00:00Z", "2026-12-05T11:00:00Z"),
      outage("2026-12-04T10:00:00Z", "2026-12-04T11:00:00Z"),
      outage("2026-11-01T10:00:00Z", null),
    ];
    expect(summary(rows, { showJobFailures: true, resolvedLimit: 2 })).toEqual([
      ["API is down", 1, "2026-11-01T10:00"],
      ["backup-3am failed 30 times", 30, "2026-12-06T10:00"],
      ["API was down", 1, "2026-12-05T10:00"],
    ]);
  });
});

describe("historyDays", () => {
  const entries = publicHistory(
    [
      outage("2026-12-06T23:30:00Z", "2026-12-06T23:40:00Z"),
      outage("2026-12-06T00:10:00Z", "2026-12-06T00:20:00Z"),
      outage("2026-12-05T23:50:00Z", "2026-12-06T00:05:00Z"),
      outage("2026-12-07T08:00:00Z", null),
    ],
    shown,
  );
  const days = (timeZone: string) =>
    historyDays(entries, timeZone).map((d) => [d.day, d.incidents.map((i) => i.startedAt)]);

  it("groups resolved entries by the UTC day they started, newest first, leaving open ones out", () => {
    expect(days("UTC")).toEqual([
      ["2026-12-06", ["2026-12-06T23:30:00.000Z", "2026-12-06T00:10:00.000Z"]],
      ["2026-12-05", ["2026-12-05T23:50:00.000Z"]],
    ]);
  });

  it("groups by the reader's own day when given their zone", () => {
    expect(days("Europe/Berlin")).toEqual([
      ["2026-12-07", ["2026-12-06T23:30:00.000Z"]],
      ["2026-12-06", ["2026-12-06T00:10:00.000Z", "2026-12-05T23:50:00.000Z"]],
    ]);
    expect(days("America/Los_Angeles")).toEqual([
      ["2026-12-06", ["2026-12-06T23:30:00.000Z"]],
      ["2026-12-05", ["2026-12-06T00:10:00.000Z", "2026-12-05T23:50:00.000Z"]],
    ]);
  });

  it("keeps a day across a daylight-saving change whole", () => {
    const dst = publicHistory(
      [
        outage("2026-03-29T00:30:00Z", "2026-03-29T00:40:00Z"),
        outage("2026-03-29T21:30:00Z", "2026-03-29T21:40:00Z"),
      ],
      shown,
    );
    // Sunday 29 March in Berlin runs from 23:00 UTC the day before to 22:00 UTC (23 hours).
    expect(historyDays(dst, "Europe/Berlin").map((d) => [d.day, d.incidents.length])).toEqual([
      ["2026-03-29", 2],
    ]);
  });
});
