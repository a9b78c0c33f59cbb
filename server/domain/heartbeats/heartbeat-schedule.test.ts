import { describe, expect, it } from "vitest";
import {
  followingDeadline,
  nextDeadline,
  validateSchedule,
  type HeartbeatSchedule,
} from "@/server/domain/heartbeats/heartbeat-schedule";

const every = (intervalSecs: number): HeartbeatSchedule => ({
  intervalSecs,
  schedule: null,
  tz: "UTC",
});
const cron = (schedule: string, tz = "UTC"): HeartbeatSchedule => ({
  intervalSecs: null,
  schedule,
  tz,
});

/** Deadlines chained from `from`: the next one, then each following one. */
function chain(s: HeartbeatSchedule, from: string, count: number): string[] {
  const out = [nextDeadline(s, new Date(from))];
  while (out.length < count) out.push(followingDeadline(s, out[out.length - 1]!));
  return out.map((d) => d.toISOString());
}

describe("interval deadlines", () => {
  it.each([
    ["one minute after the success", 60, "2026-11-25T10:00:00.000Z", "2026-11-25T10:01:00.000Z"],
    [
      "keeps the milliseconds of the ping",
      60,
      "2026-11-25T10:00:00.123Z",
      "2026-11-25T10:01:00.123Z",
    ],
    [
      "a day later in UTC whatever the zone",
      86_400,
      "2026-03-28T23:30:00.000Z",
      "2026-03-29T23:30:00.000Z",
    ],
    ["31 days", 2_678_400, "2026-01-31T00:00:00.000Z", "2026-03-03T00:00:00.000Z"],
  ] as const)("%s", (_name, secs, lastSuccessAt, deadline) => {
    expect(nextDeadline(every(secs), new Date(lastSuccessAt)).toISOString()).toBe(deadline);
  });

  it("steps following deadlines by the interval", () => {
    expect(chain(every(3600), "2026-11-25T10:00:00.000Z", 3)).toEqual([
      "2026-11-25T11:00:00.000Z",
      "2026-11-25T12:00:00.000Z",
      "2026-11-25T13:00:00.000Z",
    ]);
  });
});

describe("cron deadlines in UTC", () => {
  it.each([
    [
      "the next quarter hour",
      "*/15 * * * *",
      "2026-11-25T10:07:00.000Z",
      "2026-11-25T10:15:00.000Z",
    ],
    [
      "strictly after a ping exactly on a fire",
      "*/15 * * * *",
      "2026-11-25T10:15:00.000Z",
      "2026-11-25T10:30:00.000Z",
    ],
    [
      "strictly after, milliseconds past a fire",
      "*/15 * * * *",
      "2026-11-25T10:15:00.001Z",
      "2026-11-25T10:30:00.000Z",
    ],
    [
      "1 ms before a fire is that fire",
      "*/15 * * * *",
      "2026-11-25T10:14:59.999Z",
      "2026-11-25T10:15:00.000Z",
    ],
    ["daily at 02:30", "30 2 * * *", "2026-11-25T02:31:00.000Z", "2026-11-26T02:30:00.000Z"],
    [
      "weekdays skip the weekend",
      "0 9 * * 1-5",
      "2026-11-27T09:05:00.000Z",
      "2026-11-30T09:00:00.000Z",
    ],
    ["day names work", "0 9 * * MON", "2026-11-25T00:00:00.000Z", "2026-11-30T09:00:00.000Z"],
    [
      "day-of-month or day-of-week, as in Vixie cron",
      "0 0 1 * 1",
      "2026-11-25T00:00:00.000Z",
      "2026-11-30T00:00:00.000Z",
    ],
    [
      "the 29th of February waits for a leap year",
      "0 0 29 2 *",
      "2026-03-01T00:00:00.000Z",
      "2028-02-29T00:00:00.000Z",
    ],
  ] as const)("%s", (_name, expression, lastSuccessAt, deadline) => {
    expect(nextDeadline(cron(expression), new Date(lastSuccessAt)).toISOString()).toBe(deadline);
  });
});

describe("cron deadlines across DST in Europe/Berlin (30 2 * * *)", () => {
  const nightly = cron("30 2 * * *", "Europe/Berlin");

  it.each([
    [
      "02:30 CET is 01:30 UTC before spring",
      "2026-03-27T02:00:00.000Z",
      "2026-03-28T01:30:00.000Z",
    ],
    [
      "02:30 does not exist on 2026-03-29: fires once at 03:00 CEST (01:00 UTC), right after the gap",
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ],
    [
      "a success within the hour before the gap still gets the 03:00 CEST fire",
      "2026-03-29T00:59:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ],
    [
      "the day after the gap: 02:30 CEST is 00:30 UTC",
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ],
    [
      "02:30 happens twice on 2026-10-25: fires at the first one, 02:30 CEST (00:30 UTC)",
      "2026-10-24T01:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
    ],
    [
      "a success between the two 02:30s waits for the next day, not the repeated 02:30 CET",
      "2026-10-25T00:45:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ],
    [
      "a success in the repeated hour waits for the next day too",
      "2026-10-25T01:29:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ],
  ] as const)("%s", (_name, lastSuccessAt, deadline) => {
    expect(nextDeadline(nightly, new Date(lastSuccessAt)).toISOString()).toBe(deadline);
  });

  it("yields exactly one deadline per local day through the spring gap", () => {
    expect(chain(nightly, "2026-03-27T12:00:00.000Z", 4)).toEqual([
      "2026-03-28T01:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T00:30:00.000Z",
      "2026-03-31T00:30:00.000Z",
    ]);
  });

  it("yields exactly one deadline per local day through the autumn overlap", () => {
    expect(chain(nightly, "2026-10-23T12:00:00.000Z", 4)).toEqual([
      "2026-10-24T00:30:00.000Z",
      "2026-10-25T00:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
      "2026-10-27T01:30:00.000Z",
    ]);
  });

  it("treats a list of fixed hours like Vixie cron: moved out of the gap, once in the overlap", () => {
    const twice = cron("30 2,14 * * *", "Europe/Berlin");
    expect(chain(twice, "2026-03-28T14:00:00.000Z", 3)).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T12:30:00.000Z",
      "2026-03-30T00:30:00.000Z",
    ]);
    expect(chain(twice, "2026-10-24T13:00:00.000Z", 3)).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T13:30:00.000Z",
      "2026-10-26T01:30:00.000Z",
    ]);
  });

  it("keeps a wildcard schedule evenly spaced in UTC: skips the gap, fires in both overlap hours", () => {
    expect(chain(cron("*/30 * * * *", "Europe/Berlin"), "2026-03-29T00:15:00.000Z", 3)).toEqual([
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
    expect(chain(cron("*/30 * * * *", "Europe/Berlin"), "2026-10-25T00:15:00.000Z", 4)).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T01:30:00.000Z",
      "2026-10-25T02:00:00.000Z",
    ]);
  });
});

describe("cron deadlines across DST in America/New_York (0 9 * * 1-5)", () => {
  const weekdays = cron("0 9 * * 1-5", "America/New_York");

  it.each([
    [
      "Thursday to Friday, 09:00 EDT is 13:00 UTC",
      "2026-10-29T13:00:00.000Z",
      "2026-10-30T13:00:00.000Z",
    ],
    [
      "Friday to Monday over the 2026-11-01 change: 09:00 EST is 14:00 UTC",
      "2026-10-30T13:05:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ],
    [
      "a ping on Sunday of the change waits for Monday",
      "2026-11-01T12:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ],
    ["Monday to Tuesday in EST", "2026-11-02T14:00:00.000Z", "2026-11-03T14:00:00.000Z"],
    [
      "spring forward: Friday EST to Monday EDT",
      "2026-03-06T14:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
    ],
  ] as const)("%s", (_name, lastSuccessAt, deadline) => {
    expect(nextDeadline(weekdays, new Date(lastSuccessAt)).toISOString()).toBe(deadline);
  });
});

describe("validateSchedule", () => {
  it.each([
    ["an interval in UTC", every(60)],
    ["an interval in another zone", { ...every(86_400), tz: "Europe/Berlin" }],
    ["a weekday cron in New York", cron("0 9 * * 1-5", "America/New_York")],
    ["steps, lists and names", cron("*/5 8-18 * JAN,JUL MON-FRI")],
    ["extra spaces between fields", cron(" 0  0 * * * ")],
  ] as const)("accepts %s", (_name, s) => {
    expect(() => validateSchedule(s)).not.toThrow();
  });

  it.each([
    ["both an interval and a cron", { ...every(60), schedule: "* * * * *" }, /not both/],
    ["neither", { intervalSecs: null, schedule: null, tz: "UTC" }, /interval or a cron/],
    ["a zero interval", every(0), /above zero/],
    ["a negative interval", every(-60), /above zero/],
    ["a fractional interval", every(90.5), /whole number/],
    ["a 6-field cron with seconds", cron("0 30 2 * * *"), /has 6 fields: use 5/],
    ["a 7-field cron with years", cron("0 30 2 * * * 2027"), /has 7 fields: use 5/],
    ["a 4-field cron", cron("30 2 * *"), /has 4 fields: use 5/],
    ["a nickname", cron("@daily"), /has 1 field: use 5/],
    ["prose", cron("every day at noon"), /has 4 fields/],
    ["an empty expression", cron(""), /has 0 fields/],
    [
      "a minute out of range",
      cron("61 * * * *"),
      /Invalid cron expression "61 \* \* \* \*".*minute/,
    ],
    ["an hour out of range", cron("0 24 * * *"), /hour: 24/],
    ["a weekday out of range", cron("0 0 * * 8"), /dayOfWeek/],
    ["letters", cron("a b c d e"), /minute field \(a\) contains illegal characters/],
    ["a zero step", cron("*/0 * * * *"), /stepping/],
    ["a date that never comes", cron("0 0 31 4 *"), /never fires/],
    ["an unknown zone", cron("0 9 * * *", "Mars/Olympus"), /Unknown time zone "Mars\/Olympus"/],
    ["an empty zone", { ...every(60), tz: "" }, /Unknown time zone ""/],
    ["a UTC offset instead of a zone", { ...every(60), tz: "+01:00" }, /Unknown time zone/],
  ] as const)("rejects %s with one line", (_name, s, message) => {
    expect(() => validateSchedule(s)).toThrow(message);
    expect(() => validateSchedule(s)).toThrow(/^[^\n]+$/);
  });
});
