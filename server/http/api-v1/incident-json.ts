import type {
  IncidentDetails,
  IncidentUpdateDetails,
} from "@/server/services/incidents/incident-details";
import type {
  AnnouncementJson,
  IncidentJson,
  IncidentUpdateJson,
} from "@/server/http/api-v1/schemas/incidents";
import { toIso } from "@/server/http/api-v1/schemas/shape";
import type { createAnnouncement } from "@/server/services/announcements/announcements";

type Announcement = Awaited<ReturnType<typeof createAnnouncement>>;

export const incidentUpdateJson = (u: IncidentUpdateDetails): IncidentUpdateJson => ({
  id: u.id,
  status: u.status,
  body: u.body,
  created_at: u.createdAt.toISOString(),
  edited_at: toIso(u.editedAt),
});

export const incidentJson = (i: IncidentDetails): IncidentJson => ({
  id: i.id,
  title: i.title,
  status: i.status,
  impact: i.impact,
  automatic: i.automatic,
  subjects: i.subjects.map((s) => ({ kind: s.kind, id: s.id, name: s.name, impact: s.impact })),
  started_at: i.startedAt.toISOString(),
  resolved_at: toIso(i.resolvedAt),
  updates: i.updates.map(incidentUpdateJson),
  postmortem: i.postmortem,
});

export const announcementJson = (a: Announcement): AnnouncementJson => ({
  id: a.id,
  status_page_id: a.statusPageId,
  body: a.body,
  expires_at: toIso(a.expiresAt),
  created_at: a.createdAt.toISOString(),
});
