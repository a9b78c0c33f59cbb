import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import {
  incidentImpacts,
  incidentStatuses,
  subjectImpacts,
} from "@/server/domain/incidents/incident-rules";
import {
  createIncidentInput,
  editUpdateInput,
  incidentListFilter,
  postUpdateInput,
  postmortemInput,
} from "@/server/services/incidents/incident-input";
import { createAnnouncementInput } from "@/server/services/announcements/announcements";
import { listOf, nullableTimestamp, snakeShape, timestamp } from "./shape";
import { answer, errors, idParams, jsonBody, noContent, readErrors, writeErrors } from "./common";

export const incidentCreateBody = z
  .strictObject(createIncidentInput.shape)
  .meta({ id: "IncidentCreate" });
export const incidentUpdateBody = z
  .strictObject(postUpdateInput.shape)
  .meta({ id: "IncidentUpdateCreate" });
export const incidentUpdateEditBody = z
  .strictObject(editUpdateInput.shape)
  .meta({ id: "IncidentUpdateEdit" });
export const incidentPostmortemBody = z
  .strictObject(postmortemInput.shape)
  .meta({ id: "IncidentPostmortem" });
export const announcementCreateBody = z
  .strictObject(snakeShape(createAnnouncementInput.shape))
  .meta({ id: "AnnouncementCreate" });

const incidentUpdateSchema = z
  .strictObject({
    id: z.uuid(),
    status: z.enum(incidentStatuses),
    body: z.string().meta({ description: "plain text; line breaks and links as written" }),
    created_at: timestamp(),
    edited_at: nullableTimestamp("when the text was last edited; the page shows “edited”"),
  })
  .meta({ id: "IncidentUpdate" });

const incidentSchema = z
  .strictObject({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(incidentStatuses),
    impact: z.enum(incidentImpacts),
    automatic: z.boolean().meta({ description: "true when a flip opened it (a check failed)" }),
    subjects: z.array(
      z.strictObject({
        kind: z.enum(subjectKinds),
        id: z.uuid(),
        name: z.string(),
        impact: z.enum(subjectImpacts),
      }),
    ),
    started_at: timestamp(),
    resolved_at: nullableTimestamp(),
    updates: z.array(incidentUpdateSchema).meta({ description: "newest first" }),
    postmortem: z.string().nullable(),
  })
  .meta({ id: "Incident" });
export type IncidentJson = z.infer<typeof incidentSchema>;
export type IncidentUpdateJson = z.infer<typeof incidentUpdateSchema>;

const announcementSchema = z
  .strictObject({
    id: z.uuid(),
    status_page_id: z.uuid(),
    body: z.string(),
    expires_at: nullableTimestamp("after this it no longer shows; null: until deleted"),
    created_at: timestamp(),
  })
  .meta({ id: "Announcement" });
export type AnnouncementJson = z.infer<typeof announcementSchema>;

const updateParams = z.object({
  id: z.uuid().meta({ description: "the incident's id" }),
  updateId: z.uuid().meta({ description: "the update's id" }),
});
const announcementParams = z.object({
  id: z.uuid().meta({ description: "the status page's id" }),
  announcementId: z.uuid().meta({ description: "the announcement's id" }),
});
const oneIncident = answer("The incident", incidentSchema);
const oneUpdate = answer("The update", incidentUpdateSchema);
const STILL_DOWN = "Resolving an automatic incident whose checks still fail";

export const incidentPaths: ZodOpenApiPathsObject = {
  "/incidents": {
    get: {
      summary: "List incidents, newest first: the ones the checks opened and the ones people did",
      requestParams: { query: z.object({ status: incidentListFilter.optional() }) },
      responses: {
        "200": answer("Incidents", listOf("incidents", incidentSchema, "IncidentList")),
        ...errors([400, 401]),
      },
    },
    post: {
      summary: "Open a manual incident with its first update and the subjects it affects",
      requestBody: jsonBody(incidentCreateBody),
      responses: {
        "201": oneIncident,
        ...writeErrors({ 404: "A subject is not a monitor or heartbeat of this workspace" }),
      },
    },
  },
  "/incidents/{id}": {
    get: {
      summary: "Get an incident with its updates",
      requestParams: { path: idParams },
      responses: { "200": oneIncident, ...readErrors() },
    },
    delete: {
      summary: "Delete a manual incident and its updates",
      requestParams: { path: idParams },
      responses: {
        "204": noContent("Deleted"),
        ...errors([401, 403, 404, 409], { 409: "The checks opened it: it stays in the history" }),
      },
    },
  },
  "/incidents/{id}/updates": {
    post: {
      summary: "Post an update (status and message); resolved closes a manual incident",
      requestParams: { path: idParams },
      requestBody: jsonBody(incidentUpdateBody),
      responses: {
        "201": oneUpdate,
        ...writeErrors(),
        ...errors([409], { 409: STILL_DOWN }),
      },
    },
  },
  "/incidents/{id}/updates/{updateId}": {
    patch: {
      summary: "Rewrite an update's message (the page shows it edited)",
      requestParams: { path: updateParams },
      requestBody: jsonBody(incidentUpdateEditBody),
      responses: { "200": oneUpdate, ...writeErrors() },
    },
    delete: {
      summary: "Delete an update",
      requestParams: { path: updateParams },
      responses: { "204": noContent("Deleted"), ...errors([401, 403, 404]) },
    },
  },
  "/incidents/{id}/postmortem": {
    put: {
      summary: "Write the postmortem of a resolved incident (empty removes it)",
      requestParams: { path: idParams },
      requestBody: jsonBody(incidentPostmortemBody),
      responses: {
        "200": oneIncident,
        ...writeErrors(),
        ...errors([409], { 409: "The incident is not resolved yet" }),
      },
    },
  },
  "/status-pages/{id}/announcements": {
    get: {
      summary: "The page's announcements that still show, newest first",
      requestParams: { path: idParams },
      responses: {
        "200": answer(
          "Announcements",
          listOf("announcements", announcementSchema, "AnnouncementList"),
        ),
        ...readErrors(),
      },
    },
    post: {
      summary: "Announce a short notice across the top of the page, with an optional expiry",
      requestParams: { path: idParams },
      requestBody: jsonBody(announcementCreateBody),
      responses: {
        "201": answer("The announcement", announcementSchema),
        ...writeErrors(),
        ...errors([409], { 409: "The page already shows the most announcements it may" }),
      },
    },
  },
  "/status-pages/{id}/announcements/{announcementId}": {
    delete: {
      summary: "Delete an announcement",
      requestParams: { path: announcementParams },
      responses: { "204": noContent("Deleted"), ...errors([401, 403, 404]) },
    },
  },
};
