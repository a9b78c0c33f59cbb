import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WakeTimer, type WakeTimerOptions } from "@/server/jobs/wake-timer";

const start = Date.parse("2026-12-06T12:00:00.000Z");

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("WakeTimer", () => {
  let wakes: number[];
  let errors: unknown[];

  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    wakes = [];
    errors = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const timerWith = (wake: () => Promise<void>, options: Partial<WakeTimerOptions> = {}) =>
    new WakeTimer({
      now: () => new Date(),
      wake,
      onError: (err) => errors.push(err),
      ...options,
    });
  const recording = () => async () => void wakes.push(Date.now() - start);

  it("wakes at the earliest time it was armed for", async () => {
    const timer = timerWith(recording());
    timer.armAt(start + 5000);
    timer.armAt(start + 9000);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(wakes).toEqual([5000]);
  });

  it("re-arms when an earlier time arrives", async () => {
    const timer = timerWith(recording());
    timer.armAt(start + 5000);
    await vi.advanceTimersByTimeAsync(1000);
    timer.armAt(start + 2000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wakes).toEqual([2000]);
  });

  it("wakes at once for a time already past", async () => {
    const timer = timerWith(recording());
    timer.armAt(start - 60_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(wakes).toEqual([0]);
  });

  it("folds wake-ups asked for while one runs into one right after it, never two at once", async () => {
    const gate = deferred();
    let running = 0;
    let most = 0;
    let calls = 0;
    const timer = timerWith(async () => {
      calls++;
      running++;
      most = Math.max(most, running);
      if (calls === 1) await gate.promise;
      running--;
    });
    timer.wakeNow();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) {
      timer.wakeNow();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(calls).toBe(1);
    gate.resolve();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    expect(most).toBe(1);
  });

  it("survives an error in a wake-up and wakes again after retryMs", async () => {
    let calls = 0;
    const timer = timerWith(
      async () => {
        calls++;
        if (calls === 1) throw new Error("database gone");
      },
      { retryMs: 1000 },
    );
    timer.wakeNow();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    expect(errors).toEqual([new Error("database gone")]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
  });

  it("sleeps at most maxSleepMs, and never longer than setTimeout can count", async () => {
    const timer = timerWith(recording(), { maxSleepMs: 60_000 });
    timer.armAt(start + 3_600_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(wakes).toEqual([60_000]);

    const spy = vi.spyOn(globalThis, "setTimeout");
    const huge = timerWith(recording(), { maxSleepMs: Number.MAX_SAFE_INTEGER });
    huge.armAt(Date.now() + 10 * 2 ** 31);
    expect(spy.mock.calls.at(-1)?.[1]).toBe(2 ** 31 - 1);
    spy.mockRestore();
    await huge.stop();
  });

  it("stop() waits for the wake-up under way and arms nothing more", async () => {
    const gate = deferred();
    let calls = 0;
    const timer = timerWith(async () => {
      calls++;
      timer.armAt(Date.now() + 10);
      await gate.promise;
    });
    timer.wakeNow();
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = timer.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    timer.wakeNow();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(calls).toBe(1);
    expect(timer.isStopped).toBe(true);
  });
});
