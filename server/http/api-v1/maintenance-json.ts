import type { MaintenanceView } from "@/server/services/maintenances/maintenance-records";
import {
  maintenanceCreateBody,
  maintenancePatchBody,
  maintenanceUpdatePostBody,
  type MaintenanceJson,
  type MaintenanceUpdateJson,
} from "@/server/http/api-v1/schemas/maintenances";
import { parseBody, toIso } from "@/server/http/api-v1/schemas/shape";

type Update = MaintenanceView["updates"][number];

export const maintenanceUpdateJson = (u: Update): MaintenanceUpdateJson => ({
  id: u.id,
  status: u.status as MaintenanceUpdateJson["status"],
  body: u.body,
  created_at: u.createdAt.toISOString(),
  edited_at: toIso(u.editedAt),
});

/** A maintenance as REST API v1 shows it. */
export function maintenanceJson(m: MaintenanceView): MaintenanceJson {
  return {
    id: m.id,
    title: m.title,
    body: m.body,
    subjects: m.subjects.map((s) => ({ kind: s.kind, id: s.id, name: s.name })),
    starts_at: toIso(m.startsAt),
    ends_at: toIso(m.endsAt),
    schedule: m.schedule,
    duration_secs: m.durationSecs,
    tz: m.tz,
    status: m.status,
    window: m.window
      ? { starts_at: m.window.startsAt.toISOString(), ends_at: m.window.endsAt.toISOString() }
      : null,
    cancelled_at: toIso(m.cancelledAt),
    ended_early_at: toIso(m.endedEarlyAt),
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
    updates: m.updates.map(maintenanceUpdateJson),
  };
}

export const parseCreateMaintenance = (body: unknown) => parseBody(maintenanceCreateBody, body);
export const parsePatchMaintenance = (body: unknown) => parseBody(maintenancePatchBody, body);
export const parseMaintenanceUpdate = (body: unknown) => parseBody(maintenanceUpdatePostBody, body);
