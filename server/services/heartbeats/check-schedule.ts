import {
  validateSchedule,
  type HeartbeatSchedule,
} from "@/server/domain/heartbeats/heartbeat-schedule";
import { badInput } from "@/server/services/errors";

/** Exactly one of an interval or a cron schedule, with a known time zone; a 400 naming the field otherwise. */
export function checkSchedule(s: HeartbeatSchedule): void {
  if ((s.intervalSecs === null) === (s.schedule === null))
    throw badInput(
      "interval_secs",
      "interval_secs: Set either an interval or a cron schedule (schedule), not both or neither",
    );
  try {
    validateSchedule(s);
  } catch (e) {
    const message = (e as Error).message;
    const field = /zone|tz/i.test(message) ? "tz" : "schedule";
    throw badInput(field, `${field}: ${message}`);
  }
}
