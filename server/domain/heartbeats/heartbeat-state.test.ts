import { describe, expect, it } from "vitest";
import {
  alarmFor,
  decideAlarm,
  decidePause,
  decidePing,
  decideResume,
  heartbeatStatuses,
  opensIncident,
  resolvesIncident,
  visitorLabel,
  type HeartbeatDecision,
  type HeartbeatPolicy,
  type HeartbeatSnapshot,
  type HeartbeatStatus,
  type PingKind,
} from "@/server/domain/heartbeats/heartbeat-state";

/** "10:00" or "10:00:00.000" on 2026-11-25 (UTC), or a full ISO instant. */
const t = (at: string) => new Date(at.includes("T") ? at : `2026-11-25T${at}Z`);
const iso = (d: Date | null) => d?.toISOString() ?? null;

const hourly: HeartbeatPolicy = {
  intervalSecs: 3600,
  schedule: null,
  tz: "UTC",
  graceSecs: 300,
  maxRuntimeSecs: null,
};
const fresh: HeartbeatSnapshot = {
  status: "new",
  lastSuccessAt: null,
  deadline: null,
  runningSince: null,
  runningRid: null,
  consecutiveMisses: 0,
};

type Step = [PingKind | "alarm" | "pause" | "resume", string, string?];

function step(s: HeartbeatSnapshot, p: HeartbeatPolicy, [what, at, rid]: Step) {
  if (what === "alarm") return decideAlarm(s, p, t(at));
  if (what === "pause") return decidePause(s, t(at));
  if (what === "resume") return decideResume(s, p, t(at));
  return decidePing(s, p, { kind: what, at: t(at), rid: rid ?? null });
}

const snapshotOf = ({ flip: _f, durationMs: _d, alarmAt: _a, ...s }: HeartbeatDecision) => s;

/** Applies the steps in order, as the services would, and summarises the last decision. */
function replay(steps: Step[], p: HeartbeatPolicy = hourly, start: HeartbeatSnapshot = fresh) {
  let decision: HeartbeatDecision = { ...start, flip: null, durationMs: null, alarmAt: null };
  const flips: string[] = [];
  for (const s of steps) {
    decision = step(snapshotOf(decision), p, s);
    if (decision.flip) flips.push(`${decision.flip.from}->${decision.flip.to}`);
  }
  return {
    ...decision,
    snapshot: snapshotOf(decision),
    flips,
    deadline: iso(decision.deadline),
    alarmAt: iso(decision.alarmAt),
  };
}

/** Steps that bring an hourly heartbeat into each state before 10:00. */
const reach: Record<HeartbeatStatus, Step[]> = {
  new: [],
  up: [["success", "09:30"]],
  running: [
    ["success", "09:00"],
    ["start", "09:58", "r1"],
  ],
  late: [
    ["success", "08:58"],
    ["alarm", "09:58"],
  ],
  missing: [
    ["success", "08:00"],
    ["alarm", "09:30"],
  ],
  failed: [["fail", "09:55"]],
  paused: [
    ["success", "09:00"],
    ["pause", "09:10"],
  ],
};
const stateOf = (status: HeartbeatStatus) => replay(reach[status]).snapshot;

const upSince10 = replay([["success", "10:00"]]).snapshot;

describe("grace boundaries (interval 1 h, grace 5 min, success at 10:00)", () => {
  it.each([
    ["is still up 1 ms before the deadline", ["10:59:59.999"], "up", []],
    ["goes late exactly at the deadline", ["11:00"], "late", ["up->late"]],
    [
      "is still late 1 ms before deadline plus grace",
      ["11:00", "11:04:59.999"],
      "late",
      ["up->late"],
    ],
    [
      "goes missing exactly at deadline plus grace",
      ["11:00", "11:05"],
      "missing",
      ["up->late", "late->missing"],
    ],
    [
      "goes from up straight to missing with one flip when swept after the grace",
      ["11:05"],
      "missing",
      ["up->missing"],
    ],
  ] as const)("%s", (_name, alarms, status, flips) => {
    const result = replay(
      alarms.map((at): Step => ["alarm", at]),
      hourly,
      upSince10,
    );
    expect(result.status).toBe(status);
    expect(result.flips).toEqual(flips);
  });

  it("arms the alarm at the deadline, then at deadline plus grace", () => {
    expect(replay([["success", "10:00"]]).alarmAt).toBe(iso(t("11:00")));
    expect(
      replay([
        ["success", "10:00"],
        ["alarm", "11:00"],
      ]).alarmAt,
    ).toBe(iso(t("11:05")));
  });

  it("goes missing at the deadline when the grace is zero", () => {
    const result = replay(
      [
        ["success", "10:00"],
        ["alarm", "11:00"],
      ],
      { ...hourly, graceSecs: 0 },
    );
    expect(result).toMatchObject({
      status: "missing",
      flips: ["new->up", "up->missing"],
      consecutiveMisses: 1,
    });
  });

  it("never makes a new heartbeat late", () => {
    expect(replay([["alarm", "2027-01-01T00:00:00.000Z"]])).toMatchObject({
      status: "new",
      flips: [],
      alarmAt: null,
    });
  });

  it("stamps flips with the alarm time", () => {
    expect(
      replay([
        ["success", "10:00"],
        ["alarm", "11:03"],
      ]).flip,
    ).toEqual({
      from: "up",
      to: "late",
      at: t("11:03"),
    });
  });
});

describe("pings from every state", () => {
  const target = { success: "up", start: "running", fail: "failed" } as const;
  const rows = (["success", "start", "fail"] as const).flatMap((kind) =>
    heartbeatStatuses.map(
      (from) => [kind, from, from === "paused" ? "paused" : target[kind]] as const,
    ),
  );

  it.each(rows)("a %s ping turns %s into %s", (kind, from, status) => {
    const d = decidePing(stateOf(from), hourly, { kind, at: t("10:00"), rid: null });
    expect(d.status).toBe(status);
    expect(d.flip).toEqual(status === from ? null : { from, to: status, at: t("10:00") });
  });

  it.each(heartbeatStatuses)("a log ping changes nothing in %s and keeps the alarm", (from) => {
    const before = stateOf(from);
    const d = decidePing(before, hourly, { kind: "log", at: t("10:00"), rid: "r1" });
    expect(snapshotOf(d)).toEqual(before);
    expect(d).toMatchObject({ flip: null, durationMs: null, alarmAt: alarmFor(before, hourly) });
  });

  it.each(["success", "start", "fail", "log"] as const)(
    "a paused heartbeat ignores a %s ping",
    (kind) => {
      const before = stateOf("paused");
      const d = decidePing(before, hourly, { kind, at: t("10:00"), rid: null });
      expect(d).toEqual({ ...before, flip: null, durationMs: null, alarmAt: null });
    },
  );

  it("a success after missing recovers to up with a fresh deadline and no misses", () => {
    const result = replay([...reach.missing, ["success", "10:00"]]);
    expect(result).toMatchObject({
      status: "up",
      flips: ["new->up", "up->missing", "missing->up"],
      lastSuccessAt: t("10:00"),
      deadline: iso(t("11:00")),
      alarmAt: iso(t("11:00")),
      consecutiveMisses: 0,
    });
  });

  it("a success after failed recovers to up", () => {
    expect(
      replay([
        ["fail", "09:00"],
        ["success", "10:00"],
      ]).flips,
    ).toEqual(["new->failed", "failed->up"]);
  });

  it("a start does not move the deadline and arms the run limit", () => {
    expect(
      replay([
        ["success", "10:00"],
        ["start", "10:30", "r1"],
      ]),
    ).toMatchObject({
      status: "running",
      deadline: iso(t("11:00")),
      runningSince: t("10:30"),
      runningRid: "r1",
      alarmAt: iso(t("10:35")),
    });
  });

  it("a fail keeps the deadline and the last success, and arms nothing", () => {
    expect(
      replay([
        ["success", "10:00"],
        ["fail", "10:30"],
      ]),
    ).toMatchObject({
      status: "failed",
      lastSuccessAt: t("10:00"),
      deadline: iso(t("11:00")),
      alarmAt: null,
    });
  });

  it("computes the deadline from a cron schedule in its time zone", () => {
    const nightly = { ...hourly, intervalSecs: null, schedule: "30 2 * * *", tz: "Europe/Berlin" };
    const result = replay([["success", "2026-10-24T23:00:00.000Z"]], nightly);
    expect(result.deadline).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("start/complete pairing by rid (start at 10:00, completion at 10:01:30)", () => {
  describe.each(["success", "fail"] as const)("completed by %s", (kind) => {
    it.each([
      ["the same rid", "r1", "r1", 90_000],
      ["no rid on either", undefined, undefined, 90_000],
      ["a different rid", "r1", "r2", null],
      ["a rid on the start only", "r1", undefined, null],
      ["a rid on the completion only", undefined, "r2", null],
    ] as const)("%s gives duration %s", (_name, startRid, endRid, durationMs) => {
      const result = replay([
        ["start", "10:00", startRid],
        [kind, "10:01:30", endRid],
      ]);
      expect(result).toMatchObject({ durationMs, runningSince: null, runningRid: null });
    });
  });

  it("reports no duration without a start", () => {
    expect(replay([["success", "10:00"]]).durationMs).toBeNull();
  });

  it("a second start restarts the run without a flip", () => {
    const result = replay([
      ["start", "10:00", "r1"],
      ["start", "10:01", "r2"],
      ["success", "10:02", "r2"],
    ]);
    expect(result).toMatchObject({ flips: ["new->running", "running->up"], durationMs: 60_000 });
  });
});

describe("max run time (start at 10:30)", () => {
  it.each([
    ["at start plus max run time", 600, "10:40"],
    ["at start plus grace without a max run time", null, "10:35"],
  ] as const)("goes missing %s", (_name, maxRuntimeSecs, limit) => {
    const p = { ...hourly, maxRuntimeSecs };
    const started: Step[] = [
      ["success", "10:00"],
      ["start", "10:30", "r1"],
    ];
    expect(replay(started, p).alarmAt).toBe(iso(t(limit)));
    const justBefore = new Date(t(limit).getTime() - 1);
    expect(decideAlarm(replay(started, p).snapshot, p, justBefore).flip).toBeNull();
    expect(replay([...started, ["alarm", limit]], p)).toMatchObject({
      status: "missing",
      flips: ["new->up", "up->running", "running->missing"],
      consecutiveMisses: 1,
    });
  });

  it("does not go late while running, even past the deadline", () => {
    const p = { ...hourly, maxRuntimeSecs: 7200 };
    expect(
      replay(
        [
          ["success", "10:00"],
          ["start", "10:30"],
          ["alarm", "11:30"],
        ],
        p,
      ).status,
    ).toBe("running");
  });

  it("a run that finishes after going missing recovers and reports its duration", () => {
    const result = replay([
      ["start", "10:30", "r1"],
      ["alarm", "10:35"],
      ["success", "10:50", "r1"],
    ]);
    expect(result).toMatchObject({
      status: "up",
      flips: ["new->running", "running->missing", "missing->up"],
      durationMs: 1_200_000,
    });
  });

  it("a first run that never finishes counts from its limit", () => {
    expect(
      replay([
        ["start", "10:30"],
        ["alarm", "10:35"],
      ]),
    ).toMatchObject({
      status: "missing",
      consecutiveMisses: 1,
      deadline: iso(t("10:35")),
      alarmAt: iso(t("11:35")),
    });
  });
});

describe("consecutive misses", () => {
  it.each([
    ["one at deadline plus grace", ["11:00", "11:05"], 1, "11:00", "12:00"],
    ["two when the next deadline passes", ["11:00", "11:05", "12:00"], 2, "12:00", "13:00"],
    [
      "still two 1 ms before the third deadline",
      ["11:00", "11:05", "12:00", "12:59:59.999"],
      2,
      "12:00",
      "13:00",
    ],
    ["three at the third deadline", ["11:00", "11:05", "12:00", "13:00"], 3, "13:00", "14:00"],
    ["three in one late sweep, as if swept at every deadline", ["13:30"], 3, "13:00", "14:00"],
  ] as const)("counts %s", (_name, alarms, misses, deadline, alarmAt) => {
    const result = replay([["success", "10:00"], ...alarms.map((at): Step => ["alarm", at])]);
    expect(result).toMatchObject({
      status: "missing",
      consecutiveMisses: misses,
      deadline: iso(t(deadline)),
      alarmAt: iso(t(alarmAt)),
    });
    expect(result.flips.filter((f) => f.endsWith("->missing"))).toHaveLength(1);
  });

  it("counts every deadline passed within a grace longer than the interval", () => {
    const p = { ...hourly, intervalSecs: 600, graceSecs: 1800 };
    expect(
      replay(
        [
          ["success", "10:00"],
          ["alarm", "10:40"],
        ],
        p,
      ),
    ).toMatchObject({ consecutiveMisses: 4, alarmAt: iso(t("10:50")) });
  });

  it("counts daily cron fires in the schedule's zone, across the spring gap", () => {
    const nightly = { ...hourly, intervalSecs: null, schedule: "30 2 * * *", tz: "Europe/Berlin" };
    const steps: Step[] = [
      ["success", "2026-03-27T01:35:00.000Z"],
      ["alarm", "2026-03-30T12:00:00.000Z"],
    ];
    expect(replay(steps, nightly)).toMatchObject({
      consecutiveMisses: 3,
      deadline: "2026-03-30T00:30:00.000Z",
      alarmAt: "2026-03-31T00:30:00.000Z",
    });
  });

  it("a run that hangs before its deadline counts once for that deadline", () => {
    const p = { ...hourly, maxRuntimeSecs: 300 };
    const hung: Step[] = [
      ["success", "10:00"],
      ["start", "10:50"],
      ["alarm", "10:55"],
    ];
    expect(replay(hung, p)).toMatchObject({ consecutiveMisses: 1, alarmAt: iso(t("12:00")) });
    expect(replay([...hung, ["alarm", "11:00"]], p).consecutiveMisses).toBe(1);
    expect(replay([...hung, ["alarm", "12:00"]], p).consecutiveMisses).toBe(2);
  });

  it("a run started while late that hangs past more deadlines counts each of them", () => {
    const p = { ...hourly, maxRuntimeSecs: 7200 };
    const steps: Step[] = [
      ["success", "10:00"],
      ["alarm", "11:00"],
      ["start", "11:03"],
      ["alarm", "13:03"],
    ];
    expect(replay(steps, p)).toMatchObject({ consecutiveMisses: 3, deadline: iso(t("13:00")) });
  });
});

describe("alarms", () => {
  it.each([
    ["up", hourly, "10:30"],
    ["late", hourly, "10:03"],
    ["running", hourly, "10:03"],
    ["running", { ...hourly, maxRuntimeSecs: 3600 }, "10:58"],
    ["missing", hourly, "10:00"],
    ["new", hourly, null],
    ["failed", hourly, null],
    ["paused", hourly, null],
  ] as const)("alarmFor %s is %s", (status, p, alarmAt) => {
    expect(iso(alarmFor(stateOf(status), p))).toBe(alarmAt && iso(t(alarmAt)));
  });

  it.each(heartbeatStatuses)("an alarm before its time changes nothing in %s", (status) => {
    const before = stateOf(status);
    const d = decideAlarm(before, hourly, t("09:59:59.999"));
    expect(d).toEqual({
      ...before,
      flip: null,
      durationMs: null,
      alarmAt: alarmFor(before, hourly),
    });
  });

  it.each(["11:00", "11:05", "12:00", "15:30"])("deciding twice at %s flips once", (at) => {
    const first = replay([
      ["success", "10:00"],
      ["alarm", at],
    ]);
    const second = decideAlarm(first.snapshot, hourly, t(at));
    expect(second.flip).toBeNull();
    expect(snapshotOf(second)).toEqual(first.snapshot);
  });
});

describe("pause and resume", () => {
  it("pauses from any state once, forgetting the run and the deadline", () => {
    expect(replay([...reach.running, ["pause", "10:00"], ["pause", "10:01"]])).toMatchObject({
      status: "paused",
      flips: ["new->up", "up->running", "running->paused"],
      runningSince: null,
      runningRid: null,
      deadline: null,
      alarmAt: null,
    });
  });

  it("resumes to up with a fresh period from the resume, not missing at once", () => {
    const result = replay([
      ["success", "10:00"],
      ["pause", "10:10"],
      ["resume", "15:00"],
    ]);
    expect(result).toMatchObject({
      status: "up",
      flip: { from: "paused", to: "up", at: t("15:00") },
      lastSuccessAt: t("10:00"),
      deadline: iso(t("16:00")),
      alarmAt: iso(t("16:00")),
    });
  });

  it("resumes a cron heartbeat to the next fire after the resume", () => {
    const weekdays = {
      ...hourly,
      intervalSecs: null,
      schedule: "0 9 * * 1-5",
      tz: "America/New_York",
    };
    const steps: Step[] = [
      ["success", "2026-10-29T13:00:00.000Z"],
      ["pause", "2026-10-29T14:00:00.000Z"],
      ["resume", "2026-10-31T12:00:00.000Z"],
    ];
    expect(replay(steps, weekdays).deadline).toBe("2026-11-02T14:00:00.000Z");
  });

  it("resumes to new when it never succeeded", () => {
    expect(
      replay([
        ["start", "10:00"],
        ["pause", "10:01"],
        ["resume", "10:02"],
      ]),
    ).toMatchObject({
      status: "new",
      flips: ["new->running", "running->paused", "paused->new"],
      alarmAt: null,
    });
  });

  it("resuming a heartbeat that is not paused changes nothing", () => {
    const before = stateOf("late");
    expect(decideResume(before, hourly, t("10:00"))).toEqual({
      ...before,
      flip: null,
      durationMs: null,
      alarmAt: alarmFor(before, hourly),
    });
  });
});

describe("incidents", () => {
  it.each([
    ["up", "missing", true, false],
    ["late", "missing", true, false],
    ["running", "missing", true, false],
    ["up", "failed", true, false],
    ["new", "failed", true, false],
    ["missing", "failed", false, false],
    ["failed", "missing", false, false],
    ["missing", "up", false, true],
    ["failed", "up", false, true],
    ["missing", "running", false, false],
    ["running", "up", false, true],
    ["failed", "paused", false, true],
    ["up", "late", false, false],
    ["new", "up", false, true],
    ["paused", "up", false, true],
  ] as const)("%s -> %s opens: %s, resolves: %s", (from, to, opens, resolves) => {
    const flip = { from, to, at: t("10:00") };
    expect(opensIncident(flip)).toBe(opens);
    expect(resolvesIncident(flip)).toBe(resolves);
  });
});

describe("visitorLabel", () => {
  it.each([
    ["new", "Waiting for first run"],
    ["up", "On time"],
    ["running", "Running"],
    ["late", "Late"],
    ["missing", "Missing"],
    ["failed", "Failed"],
    ["paused", "Paused"],
  ] as const)("%s reads %s", (status, label) => {
    expect(visitorLabel(status)).toBe(label);
  });

  it("covers every status", () => {
    expect(heartbeatStatuses.map(visitorLabel).every((label) => label.length > 0)).toBe(true);
  });
});
