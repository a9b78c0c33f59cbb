import { describe, expect, it } from "vitest";
import {
  decideCheck,
  decidePause,
  decideResume,
  type MonitorPolicy,
  type MonitorStatus,
} from "@/server/domain/monitors/monitor-state";

const now = new Date("2026-11-25T10:00:00.000Z");
const policy: MonitorPolicy = {
  confirmations: 2,
  degradedAfterMs: null,
  intervalSecs: 60,
  retryIntervalSecs: 20,
};
const ok = { ok: true, durationMs: 120 };
const fail = { ok: false, durationMs: 10_000 };

/** Runs a sequence of checks from a starting state, one per step. */
function run(
  start: MonitorStatus,
  verdicts: { ok: boolean; durationMs: number }[],
  p: MonitorPolicy = policy,
) {
  let snapshot = { status: start, consecutiveFailures: 0 };
  const flips: string[] = [];
  for (const v of verdicts) {
    const d = decideCheck(snapshot, p, v, now);
    if (d.flip) flips.push(`${d.flip.from}->${d.flip.to}`);
    snapshot = { status: d.status, consecutiveFailures: d.consecutiveFailures };
  }
  return { ...snapshot, flips };
}

describe("uptime monitor state machine", () => {
  it.each([
    ["first success", "pending", [ok], "up", ["pending->up"]],
    ["first failure confirms nothing yet", "pending", [fail], "pending", []],
    ["two failures from pending", "pending", [fail, fail], "down", ["pending->down"]],
    ["one blip never flips up to down", "up", [fail, ok], "up", []],
    ["two consecutive failures flip to down", "up", [fail, fail], "down", ["up->down"]],
    ["interrupted failures start counting again", "up", [fail, ok, fail, ok], "up", []],
    ["one success after down recovers", "down", [ok], "up", ["down->up"]],
    ["down stays down without new flips", "up", [fail, fail, fail, fail], "down", ["up->down"]],
  ] as const)("%s", (_name, start, verdicts, status, flips) => {
    const result = run(start, [...verdicts]);
    expect(result.status).toBe(status);
    expect(result.flips).toEqual(flips);
  });

  it("flips on the first failure when confirmations is 1", () => {
    expect(run("up", [fail], { ...policy, confirmations: 1 }).flips).toEqual(["up->down"]);
  });

  it("waits for N failures with confirmations N", () => {
    const p = { ...policy, confirmations: 3 };
    expect(run("up", [fail, fail], p).status).toBe("up");
    expect(run("up", [fail, fail, fail], p).status).toBe("down");
  });

  it("marks a slow success degraded, and a fast one up again", () => {
    const p = { ...policy, degradedAfterMs: 500 };
    expect(run("up", [{ ok: true, durationMs: 501 }], p).flips).toEqual(["up->degraded"]);
    expect(run("up", [{ ok: true, durationMs: 500 }], p).flips).toEqual([]);
    expect(run("degraded", [ok], p).flips).toEqual(["degraded->up"]);
    expect(run("down", [{ ok: true, durationMs: 900 }], p).flips).toEqual(["down->degraded"]);
  });

  it("re-checks at the retry interval while failing, at the interval otherwise", () => {
    const failing = decideCheck({ status: "up", consecutiveFailures: 0 }, policy, fail, now);
    expect(failing.nextCheckAt.toISOString()).toBe("2026-11-25T10:00:20.000Z");
    const down = decideCheck({ status: "down", consecutiveFailures: 5 }, policy, fail, now);
    expect(down.nextCheckAt.toISOString()).toBe("2026-11-25T10:00:20.000Z");
    const healthy = decideCheck({ status: "up", consecutiveFailures: 0 }, policy, ok, now);
    expect(healthy.nextCheckAt.toISOString()).toBe("2026-11-25T10:01:00.000Z");
  });

  it("stamps the flip with the decision time", () => {
    expect(decideCheck({ status: "up", consecutiveFailures: 1 }, policy, fail, now).flip).toEqual({
      from: "up",
      to: "down",
      at: now,
    });
  });

  it("pauses from any state once, and resumes as pending", () => {
    expect(decidePause({ status: "down", consecutiveFailures: 3 }, now)).toEqual({
      status: "paused",
      consecutiveFailures: 0,
      flip: { from: "down", to: "paused", at: now },
    });
    expect(decidePause({ status: "paused", consecutiveFailures: 0 }, now).flip).toBeNull();
    expect(decideResume({ status: "paused", consecutiveFailures: 0 }, now).flip).toEqual({
      from: "paused",
      to: "pending",
      at: now,
    });
    expect(decideResume({ status: "up", consecutiveFailures: 0 }, now).flip).toBeNull();
  });

  it("never checks a paused monitor into another state", () => {
    expect(
      decideCheck({ status: "paused", consecutiveFailures: 0 }, policy, fail, now),
    ).toMatchObject({ status: "paused", flip: null });
  });
});
