import { z } from "zod";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import {
  INCIDENT_SUBJECTS_MAX,
  POSTMORTEM_MAX,
  TITLE_MAX,
  UPDATE_BODY_MAX,
  incidentImpacts,
  incidentStatuses,
  subjectImpacts,
} from "@/server/domain/incidents/incident-rules";

const STATUS = 'must be "investigating", "identified", "monitoring" or "resolved"';

const incidentStatusField = z.enum(incidentStatuses, { error: STATUS });

/** An update's message: plain text, line breaks and links kept as written. */
const updateBodyField = z.string().trim().min(1).max(UPDATE_BODY_MAX);

const incidentSubjectInput = z.strictObject({
  kind: z.enum(subjectKinds, { error: 'must be "monitor" or "heartbeat"' }),
  id: z.uuid({ error: "must be a monitor or heartbeat id" }),
  impact: z.enum(subjectImpacts, {
    error: 'must be "degraded_performance", "partial_outage" or "major_outage"',
  }),
});

export const createIncidentInput = z.strictObject({
  title: z.string().trim().min(1).max(TITLE_MAX),
  status: incidentStatusField.default("investigating"),
  body: updateBodyField,
  subjects: z.array(incidentSubjectInput).max(INCIDENT_SUBJECTS_MAX).default([]),
  impact: z
    .enum(incidentImpacts, { error: 'must be "none", "minor", "major" or "critical"' })
    .nullable()
    .default(null),
});
export type CreateIncidentInput = z.input<typeof createIncidentInput>;

export const postUpdateInput = z.strictObject({
  status: incidentStatusField,
  body: updateBodyField,
});
export type PostUpdateInput = z.input<typeof postUpdateInput>;

export const editUpdateInput = z.strictObject({ body: updateBodyField });

export const postmortemInput = z.strictObject({
  postmortem: z
    .string()
    .trim()
    .max(POSTMORTEM_MAX)
    .meta({ description: "plain text; empty removes it" }),
});

export const incidentListFilter = z.enum(["open", "resolved"], {
  error: 'must be "open" or "resolved"',
});
