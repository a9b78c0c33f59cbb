import { describe, expect, it } from "vitest";
import {
  heartbeatComponentStatus,
  monitorComponentStatus,
  overallStatus,
  pageOverall,
  type ComponentStatus,
} from "@/server/domain/status-pages/page-status";
import { slugProblem } from "@/server/domain/status-pages/slug";

describe("component statuses (Statuspage enums)", () => {
  it.each([
    ["up", "operational"],
    ["degraded", "degraded_performance"],
    ["down", "major_outage"],
    ["paused", "under_maintenance"],
    ["pending", null],
  ] as const)("monitor %s → %s", (state, expected) => {
    expect(monitorComponentStatus(state)).toBe(expected);
  });
  it.each([
    ["new", "operational"],
    ["up", "operational"],
    ["running", "operational"],
    ["late", "degraded_performance"],
    ["missing", "major_outage"],
    ["failed", "major_outage"],
    ["paused", "under_maintenance"],
  ] as const)("heartbeat %s → %s", (state, expected) => {
    expect(heartbeatComponentStatus(state)).toBe(expected);
  });
});

describe("overallStatus", () => {
  const o = (...s: ComponentStatus[]) => overallStatus(s);
  it.each([
    [[], "none", "All systems operational"],
    [["operational", "under_maintenance"], "none", "All systems operational"],
    [["operational", "degraded_performance"], "minor", "Degraded performance"],
    [["operational", "operational", "major_outage"], "major", "Partial outage"],
    [["operational", "major_outage"], "critical", "Major outage"],
    [["major_outage"], "critical", "Major outage"],
    [
      ["degraded_performance", "operational", "operational", "major_outage"],
      "major",
      "Partial outage",
    ],
  ] as [ComponentStatus[], string, string][])("%j → %s", (statuses, indicator, description) => {
    expect(o(...statuses)).toEqual({ indicator, description });
  });
});

describe("slugProblem", () => {
  it.each([
    ["acme", null],
    ["acme-status-2", null],
    ["abc", null],
    ["a".repeat(48), null],
    ["ab", "must be at least 3 characters"],
    ["a".repeat(49), "must be at most 48 characters"],
    ["Acme", "may contain only lowercase letters a–z, digits and dashes"],
    ["acme_co", "may contain only lowercase letters a–z, digits and dashes"],
    ["acmé", "may contain only lowercase letters a–z, digits and dashes"],
    ["acme co", "may contain only lowercase letters a–z, digits and dashes"],
    ["-acme", "must not start or end with a dash"],
    ["acme-", "must not start or end with a dash"],
    ["ac--me", "must not contain two dashes in a row"],
    ["api", '"api" is reserved; choose another'],
    ["admin", '"admin" is reserved; choose another'],
    ["new", '"new" is reserved; choose another'],
    ["settings", '"settings" is reserved; choose another'],
  ])("%s → %s", (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });
});

describe("pageOverall", () => {
  it.each([
    [[["operational", "up"]], "none", "All systems operational"],
    [
      [
        ["operational", "up"],
        ["under_maintenance", "paused"],
      ],
      "none",
      "All systems operational",
    ],
    [
      [
        ["operational", "up"],
        ["under_maintenance", "down"],
      ],
      "none",
      "Maintenance in progress",
    ],
    [
      [
        ["under_maintenance", "up"],
        ["degraded_performance", "degraded"],
      ],
      "minor",
      "Degraded performance",
    ],
    [
      [
        ["under_maintenance", "down"],
        ["major_outage", "missing"],
      ],
      "critical",
      "Major outage",
    ],
  ] as [[ComponentStatus, string][], string, string][])(
    "%j → %s, %s",
    (subjects, indicator, description) => {
      expect(pageOverall(subjects.map(([status, state]) => ({ status, state })))).toEqual({
        indicator,
        description,
      });
    },
  );
});
