import type { SubjectImpact } from "@/server/domain/incidents/incident-rules";
import type { ComponentStatus } from "@/server/domain/status-pages/page-status";

const RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 1,
  partial_outage: 2,
  major_outage: 3,
};

/**
 * What a visitor sees for a subject. The checks' state comes first; the impacts people declared
 * on open manual incidents can only make it look worse, never better. Inside one of its
 * maintenance windows (`maintenance`: a window covering this subject runs now) it shows
 * "under maintenance" whatever the checks or an open incident say: the window is the plan its
 * people announced for exactly this time, and its incidents still show beside it.
 */
export function visibleStatus(input: {
  machine: ComponentStatus;
  declared: readonly SubjectImpact[];
  maintenance: boolean;
}): ComponentStatus {
  let declared: ComponentStatus | null = null;
  for (const impact of input.declared)
    if (declared === null || RANK[impact] > RANK[declared]) declared = impact;
  if (input.maintenance) return "under_maintenance";
  if (declared && RANK[declared] > RANK[input.machine]) return declared;
  return input.machine;
}
