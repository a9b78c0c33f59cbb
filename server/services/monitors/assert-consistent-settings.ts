import { badInput } from "@/server/services/errors";

/** Rules across fields that hold whatever the limits: a check must finish before the next is due. */
export function assertConsistentSettings(s: {
  timeoutSecs: number;
  intervalSecs: number;
  retryIntervalSecs: number;
}): void {
  if (s.timeoutSecs >= s.intervalSecs)
    throw badInput(
      "timeout_secs",
      `timeout_secs (${s.timeoutSecs}) must be below interval_secs (${s.intervalSecs})`,
    );
  if (s.retryIntervalSecs > s.intervalSecs)
    throw badInput(
      "retry_interval_secs",
      `retry_interval_secs (${s.retryIntervalSecs}) must not exceed interval_secs (${s.intervalSecs})`,
    );
  if (s.timeoutSecs >= s.retryIntervalSecs)
    throw badInput(
      "timeout_secs",
      `timeout_secs (${s.timeoutSecs}) must be below retry_interval_secs (${s.retryIntervalSecs})`,
    );
}
