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
      `timeout_secs: Timeout must be shorter than the check interval (${s.timeoutSecs} s is not less than ${s.intervalSecs} s)`,
    );
  if (s.retryIntervalSecs > s.intervalSecs)
    throw badInput(
      "retry_interval_secs",
      `retry_interval_secs: Retry interval must not be longer than the check interval (${s.retryIntervalSecs} s is more than ${s.intervalSecs} s)`,
    );
  if (s.timeoutSecs >= s.retryIntervalSecs)
    throw badInput(
      "timeout_secs",
      `timeout_secs: Timeout must be shorter than the retry interval (${s.timeoutSecs} s is not less than ${s.retryIntervalSecs} s)`,
    );
}
