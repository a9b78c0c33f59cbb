import { describe, expect, it } from "vitest";
import type { IncidentView, StatusPageView } from "@/server/domain/status-pages/page-view";
import { renderJson } from "@/server/http/status-pages/statuspage-json";

const T0 = "2026-12-06T10:00:00.000Z";
const T1 = "2026-12-06T10:05:00.000Z";
const T2 = "2026-12-06T10:20:00.000Z";

function view(incidents: IncidentView[]): StatusPageView {
  const service = (id: string, name: string) => ({
    id,
    name,
    status: "operational" as const,
    state: "up" as const,
    since: T0,
    createdAt: T0,
    uptime30d: 1,
    days: "",
    incidentDays: "",
    maintenanceDays: "",
  });
  // Loosely typed: the maintenance work adds its own fields to the view beside these.
  const built = {
    page: {
      id: "p1",
      slug: "acme",
      title: "Acme",
      description: "",
      url: "https://vigil.example/status/acme",
      visibility: "public",
      updatedAt: T0,
    },
    generatedAt: T2,
    overall: { indicator: "minor", description: "Degraded performance" },
    firstDay: T0,
    services: [service("m1", "Payments"), service("m2", "Search")],
    jobs: [],
    incidents,
    announcements: [],
    maintenances: [],
  };
  return built as unknown as StatusPageView;
}

type Summary = {
  page: { updated_at: string };
  incidents: {
    status: string;
    impact: string;
    monitoring_at: string | null;
    updated_at: string;
    components: { id: string }[];
    incident_updates: {
      status: string;
      body: string;
      created_at: string;
      updated_at: string;
      display_at: string;
      affected_components: { code: string; new_status: string }[];
    }[];
  }[];
};

describe("Statuspage JSON of incidents people wrote on", () => {
  it("a manual incident: its updates newest first, its impact and only its components", () => {
    const manual: IncidentView = {
      id: "i1",
      subjectKind: "monitor",
      subjectId: "m1",
      title: "Slow payments",
      cause: null,
      startedAt: T0,
      resolvedAt: null,
      status: "monitoring",
      impact: "minor",
      manual: true,
      subjects: [{ kind: "monitor", id: "m1", impact: "degraded_performance" }],
      updates: [
        { id: "u2", status: "monitoring", body: "Fix out.", createdAt: T1, editedAt: T2 },
        { id: "u1", status: "investigating", body: "Looking.", createdAt: T0, editedAt: null },
      ],
      postmortem: null,
    };
    const summary = renderJson("summary", view([manual])) as Summary;
    const [incident] = summary.incidents;
    expect(incident).toMatchObject({
      status: "monitoring",
      impact: "minor",
      monitoring_at: T1,
      updated_at: T2,
    });
    expect(incident?.components.map((c) => c.id)).toEqual(["m1"]);
    expect(incident?.incident_updates).toMatchObject([
      { status: "monitoring", body: "Fix out.", created_at: T1, updated_at: T2, display_at: T1 },
      { status: "investigating", body: "Looking.", created_at: T0, display_at: T0 },
    ]);
    expect(incident?.incident_updates[0]?.affected_components).toMatchObject([
      { code: "m1", new_status: "degraded_performance" },
    ]);
    expect(summary.page.updated_at).toBe(T2);
  });

  it("an automatic incident keeps the checks' own entry below what people wrote", () => {
    const automatic: IncidentView = {
      id: "i2",
      subjectKind: "monitor",
      subjectId: "m2",
      title: "Search is down",
      cause: "Not reachable",
      startedAt: T0,
      resolvedAt: null,
      status: "identified",
      impact: "major",
      updates: [
        { id: "u3", status: "identified", body: "A bad deploy.", createdAt: T1, editedAt: null },
      ],
    };
    const [incident] = (renderJson("unresolved", view([automatic])) as Summary).incidents;
    expect(incident?.status).toBe("identified");
    expect(incident?.incident_updates.map((u) => [u.status, u.body])).toEqual([
      ["identified", "A bad deploy."],
      ["investigating", "Detected automatically: Not reachable"],
    ]);
  });
});
