import type { IncidentStatus } from "@/server/domain/incidents/incident-rules";

export const statusWords: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};
