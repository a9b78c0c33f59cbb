import {
  currentOrNextWindow,
  nextWindowAfter,
  type Window,
} from "@/server/domain/maintenance/maintenance-window";
import {
  checkTiming,
  type TimingInput,
  type TimingProblem,
} from "@/server/domain/maintenance/validate-maintenance";

/** The windows a planned maintenance would run (the one in progress first), or why it cannot. */
export function previewWindows(
  t: TimingInput,
  now: Date,
  count = 3,
): { windows: Window[]; problem: null } | { windows: []; problem: TimingProblem } {
  const problem = checkTiming(t, now);
  if (problem) return { windows: [], problem };
  const timing = { ...t, cancelledAt: null, adjusted: null };
  const windows: Window[] = [];
  let next = currentOrNextWindow(timing, now);
  while (next && windows.length < count) {
    windows.push(next);
    next = nextWindowAfter(timing, next.startsAt);
  }
  return { windows, problem: null };
}
