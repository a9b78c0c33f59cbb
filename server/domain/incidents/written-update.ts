import type { IncidentStatus } from "@/server/domain/incidents/incident-rules";

/** What a person wrote on an incident; `At` is a Date in services and an ISO string in views. */
export type WrittenUpdate<At> = {
  id: string;
  status: IncidentStatus;
  /** Plain text with line breaks and links as written. */
  body: string;
  createdAt: At;
  editedAt: At | null;
};
