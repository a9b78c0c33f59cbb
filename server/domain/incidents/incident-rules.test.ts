import { describe, expect, it } from "vitest";
import { incidentImpact, worstImpact } from "@/server/domain/incidents/incident-rules";

describe("incident impact", () => {
  it("is what a person set, whatever the subjects", () => {
    expect(
      incidentImpact({ impact: "none", automatic: false, subjectImpacts: ["major_outage"] }),
    ).toBe("none");
  });
  it("is major for an outage the checks found", () => {
    expect(incidentImpact({ impact: null, automatic: true, subjectImpacts: [] })).toBe("major");
  });
  it.each([
    [[], "none"],
    [["degraded_performance"], "minor"],
    [["degraded_performance", "partial_outage"], "major"],
    [["major_outage", "degraded_performance"], "critical"],
  ] as const)("of a manual incident with %j is %s", (subjectImpacts, expected) => {
    expect(incidentImpact({ impact: null, automatic: false, subjectImpacts })).toBe(expected);
  });
  it("worst of none is null", () => expect(worstImpact([])).toBeNull());
});
