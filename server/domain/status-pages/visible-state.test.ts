import { describe, expect, it } from "vitest";
import type { SubjectImpact } from "@/server/domain/incidents/incident-rules";
import type { ComponentStatus } from "@/server/domain/status-pages/page-status";
import { visibleStatus } from "@/server/domain/status-pages/visible-state";

type Row = [ComponentStatus, SubjectImpact[], boolean, ComponentStatus];

describe("visibleStatus: checks × declared impacts × maintenance", () => {
  const rows: Row[] = [
    ["operational", [], false, "operational"],
    ["major_outage", [], false, "major_outage"],
    ["degraded_performance", [], false, "degraded_performance"],
    // A person makes it look worse…
    ["operational", ["degraded_performance"], false, "degraded_performance"],
    ["operational", ["partial_outage", "major_outage"], false, "major_outage"],
    ["degraded_performance", ["partial_outage"], false, "partial_outage"],
    ["under_maintenance", ["degraded_performance"], false, "degraded_performance"],
    // …never better than the checks say.
    ["major_outage", ["degraded_performance"], false, "major_outage"],
    ["partial_outage", ["degraded_performance"], false, "partial_outage"],
    // Inside its window a subject is under maintenance, down or not…
    ["major_outage", [], true, "under_maintenance"],
    ["operational", [], true, "under_maintenance"],
    // …and whatever an open incident declared: the incident still shows beside it.
    ["operational", ["partial_outage"], true, "under_maintenance"],
  ];
  it.each(rows)("%s with %j, maintenance %s → %s", (machine, declared, maintenance, seen) => {
    expect(visibleStatus({ machine, declared, maintenance })).toBe(seen);
  });
});
