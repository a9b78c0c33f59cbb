import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createStatusPageInput,
  statusPageSettingsShape,
  updateStatusPageInput,
} from "@/server/services/status-pages/status-page-settings";
import { subjectKinds } from "@/server/domain/subjects/subject-kind";
import { listOf, writeBodies, timestamp } from "./shape";
import { answer, idParams, readErrors, writeErrors, jsonBody } from "./common";
import { resourcePaths } from "./resource-paths";

const prose = {
  slug: "lowercase letters, digits and dashes, 3-48; unique across the instance; reserved words such as api, admin, new are refused",
  visibility:
    "private (the default): only members of the workspace, signed in; everyone else gets 404",
  auto_add_subjects:
    "true (the default): a monitor or heartbeat created later shows on this page unless its create request leaves the page out of status_page_ids; false: it starts hidden here",
  show_job_failures:
    "true (the default): a heartbeat's failed runs are in the public history (folded into one entry per job per day); false leaves them out, while the job's current state still shows",
};

export const { create: statusPageCreateBody, update: statusPageUpdateBody } = writeBodies(
  "StatusPage",
  { create: createStatusPageInput.shape, update: updateStatusPageInput.shape },
  prose,
);

const statusPageSchema = z
  .strictObject({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    visibility: statusPageSettingsShape.visibility,
    show_job_failures: z.boolean().meta({ description: prose.show_job_failures }),
    auto_add_subjects: z.boolean().meta({ description: prose.auto_add_subjects }),
    url: z.string().meta({ description: "the live page, <base URL>/status/<slug>" }),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .meta({ id: "StatusPage" });
export type StatusPageJson = z.infer<typeof statusPageSchema>;

const subjectKind = z.enum(subjectKinds, { error: 'must be "monitor" or "heartbeat"' });

const statusPageItemSchema = z
  .strictObject({
    subject_kind: subjectKind,
    subject_id: z.uuid(),
    name: z.string(),
    hidden: z.boolean(),
    position: z
      .int()
      .nullable()
      .meta({ description: "ascending; subjects without one follow, by name" }),
  })
  .meta({ id: "StatusPageItem" });
export type StatusPageItemJson = z.infer<typeof statusPageItemSchema>;
const itemList = listOf("items", statusPageItemSchema, "StatusPageItems");

export const statusPageItemsBody = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          subject_kind: subjectKind,
          subject_id: z.uuid({ error: "must be a monitor or heartbeat id" }),
          hidden: z.boolean().default(false),
          position: z.int().min(0).max(100_000).nullable().default(null),
        }),
      )
      .max(5000),
  })
  .meta({ id: "StatusPageItemsUpdate" });

export const statusPagePaths: ZodOpenApiPathsObject = {
  ...resourcePaths({
    path: "/status-pages",
    one: { schema: statusPageSchema, name: "The status page" },
    bodies: { create: statusPageCreateBody, update: statusPageUpdateBody },
    list: {
      summary: "List status pages, newest first",
      description: "All status pages of the workspace",
    },
    create:
      "Create a status page (private unless visibility says otherwise); every monitor and heartbeat shows on it",
    get: "Get a status page",
    patch: "Change a status page (partial); a new slug frees the old one",
    delete: "Delete a status page; its slug is free again",
    conflict: "The slug is taken",
  }),
  "/status-pages/{id}/items": {
    get: {
      summary:
        "Every monitor and heartbeat of the workspace with this page's override, in page order",
      requestParams: { path: idParams },
      responses: { "200": answer("The page's subjects", itemList), ...readErrors() },
    },
    put: {
      summary:
        "Replace the page's overrides (hidden, position); subjects not listed are shown, after the positioned ones",
      requestParams: { path: idParams },
      requestBody: jsonBody(statusPageItemsBody),
      responses: { "200": answer("The page's subjects", itemList), ...writeErrors() },
    },
  },
};
