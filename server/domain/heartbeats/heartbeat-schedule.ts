import { Cron } from "croner";

export type HeartbeatSchedule = {
  intervalSecs: number | null;
  schedule: string | null;
  tz: string;
};

const cronFields = ["minute", "hour", "day-of-month", "month", "day-of-week"];
// Any 5-field expression that fires at all fires within a few decades of any date.
const neverFiresProbe = new Date("2000-01-01T00:00:00.000Z");

function assertZone(tz: string): void {
  let known = tz.trim() !== "";
  try {
    if (known) new Intl.DateTimeFormat("en-US", { timeZone: tz });
  } catch {
    known = false;
  }
  if (!known)
    throw new Error(`Unknown time zone "${tz}": use an IANA name such as Europe/Berlin or UTC.`);
}

/**
 * "no-wildcard" classifies `30 2,14 * * *` as fixed-time like Vixie cron and cronie do, so a
 * fire in the spring gap moves to the first minute after it and a doubled autumn hour fires once.
 */
function cronFor(expression: string, tz: string): Cron {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5)
    throw new Error(
      `Cron expression "${expression}" has ${fields.length} field${fields.length === 1 ? "" : "s"}: use 5 (${cronFields.join(" ")}).`,
    );
  assertZone(tz);
  try {
    return new Cron(expression, { timezone: tz, mode: "5-part", fixedTimeRule: "no-wildcard" });
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e))
      .replace(/^CronPattern:\s*/, "")
      .replace(/configuration entry (\d)/, (_, i: string) => `${cronFields[Number(i) - 1]} field`)
      .replace(/\s+/g, " ");
    throw new Error(`Invalid cron expression "${expression}": ${detail}`);
  }
}

function fireAfter(s: HeartbeatSchedule, at: Date): Date {
  if (s.schedule !== null) {
    const next = cronFor(s.schedule, s.tz).nextRun(at);
    if (next === null) throw new Error(`Cron expression "${s.schedule}" never fires.`);
    return next;
  }
  if (s.intervalSecs === null || !(s.intervalSecs > 0))
    throw new Error("A heartbeat needs an interval above zero or a cron schedule.");
  return new Date(at.getTime() + s.intervalSecs * 1000);
}

/** Throws Error with a one-line human message for an invalid cron expression or unknown IANA zone. */
export function validateSchedule(s: HeartbeatSchedule): void {
  if (s.intervalSecs !== null && s.schedule !== null)
    throw new Error("Give either an interval or a cron schedule, not both.");
  if (s.intervalSecs === null && s.schedule === null)
    throw new Error("Give an interval or a cron schedule.");
  assertZone(s.tz);
  if (s.intervalSecs !== null && !(Number.isInteger(s.intervalSecs) && s.intervalSecs > 0))
    throw new Error("The interval must be a whole number of seconds above zero.");
  if (s.schedule !== null) fireAfter(s, neverFiresProbe);
}

/** The deadline after a success at `lastSuccessAt`: lastSuccessAt + interval, or the next cron fire strictly after it, computed in `tz` (DST-correct), returned as a UTC Date. */
export function nextDeadline(s: HeartbeatSchedule, lastSuccessAt: Date): Date {
  return fireAfter(s, lastSuccessAt);
}

/** The deadline that follows `deadline` (for counting consecutive misses): deadline + interval, or the next fire after it. */
export function followingDeadline(s: HeartbeatSchedule, deadline: Date): Date {
  return fireAfter(s, deadline);
}
