import { describe, expect, it } from "vitest";
import { publicJobFailure } from "@/server/domain/heartbeats/public-job-failure";

describe("publicJobFailure", () => {
  it.each([
    ["failed", "the job exited with status 2", "The run failed (exit status 2)"],
    ["failed", "the job reported a failure", "The run reported a failure"],
    ["missing", "a started run did not finish in time", "A run did not finish in time"],
    ["missing", "no success ping by the deadline plus grace", "No run was reported on time"],
    ["missing", "no success ping by the deadline", "No run was reported on time"],
    // A reason not written by the services (a person's, an older version's) is never shown.
    ["failed", "rsync: /srv/secret/db.dump: No space left on device", "The run reported a failure"],
    ["missing", null, "No run was reported on time"],
    ["late", "whatever", null],
  ])("%s + %j → %j", (openedAs, reason, expected) => {
    expect(publicJobFailure(openedAs, reason)).toBe(expected);
  });
});
