export const incidentStatuses = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
/** Statuspage's incident impact (and status indicator) scale. */
export const incidentImpacts = ["none", "minor", "major", "critical"] as const;
export type IncidentImpact = (typeof incidentImpacts)[number];
/** How badly a person declares one subject affected, in Statuspage's component statuses. */
export const subjectImpacts = ["degraded_performance", "partial_outage", "major_outage"] as const;
export type SubjectImpact = (typeof subjectImpacts)[number];

/** The longest incident title. */
export const TITLE_MAX = 200;
/** The longest message of an update (plain text with line breaks and links). */
export const UPDATE_BODY_MAX = 5000;
/** The longest postmortem. */
export const POSTMORTEM_MAX = 50_000;
/** How many monitors and heartbeats one manual incident may name. */
export const INCIDENT_SUBJECTS_MAX = 100;
/** The longest announcement. */
export const ANNOUNCEMENT_MAX = 1000;
/** How many announcements one page may carry at once. */
export const ANNOUNCEMENTS_PER_PAGE_MAX = 20;

const IMPACT_RANK: Record<SubjectImpact, number> = {
  degraded_performance: 1,
  partial_outage: 2,
  major_outage: 3,
};

const INCIDENT_IMPACT: Record<SubjectImpact, IncidentImpact> = {
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

/** The worst of these declared impacts, or null when there are none. */
export function worstImpact(impacts: readonly SubjectImpact[]): SubjectImpact | null {
  let worst: SubjectImpact | null = null;
  for (const impact of impacts)
    if (worst === null || IMPACT_RANK[impact] > IMPACT_RANK[worst]) worst = impact;
  return worst;
}

/**
 * An incident's Statuspage impact: what a person set, else the worst of its subjects (manual), or
 * `major` for an outage the checks found (automatic).
 */
export function incidentImpact(incident: {
  impact: IncidentImpact | null;
  automatic: boolean;
  subjectImpacts: readonly SubjectImpact[];
}): IncidentImpact {
  if (incident.impact) return incident.impact;
  if (incident.automatic) return "major";
  const worst = worstImpact(incident.subjectImpacts);
  return worst ? INCIDENT_IMPACT[worst] : "none";
}
