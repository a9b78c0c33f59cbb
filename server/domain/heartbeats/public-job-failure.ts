// The heartbeat services' own reasons (lower case, written for the dashboard's record).
const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^the job exited with status (\d+)$/, (m) => `The run failed (exit status ${m[1]})`],
  [/^the job reported a failure$/, () => "The run reported a failure"],
  [/^a started run did not finish in time$/, () => "A run did not finish in time"],
  [/^no success ping by the deadline( plus grace)?$/, () => "No run was reported on time"],
];

const BY_STATE: Record<string, string> = {
  failed: "The run reported a failure",
  missing: "No run was reported on time",
};

/**
 * What a public status page says about a job's incident, as a visitor's sentence: the reason it
 * was opened with when it is one the services write, else the state it went into.
 */
export function publicJobFailure(openedAs: string, reason: string | null): string | null {
  for (const [re, text] of REASONS) {
    const m = reason ? re.exec(reason) : null;
    if (m) return text(m);
  }
  return BY_STATE[openedAs] ?? null;
}
