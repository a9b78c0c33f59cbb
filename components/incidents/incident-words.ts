import type { IncidentStatus } from "@/server/domain/incidents/incident-rules";

export const statusWords: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

/**
 * The server names a `body` field "Request body" (the monitor form's words); on an update or an
 * announcement the field is the message, so its error says so.
 */
export const asMessageError = (error: string | undefined) =>
  error?.replace(/^Request body\b/, "Message");
