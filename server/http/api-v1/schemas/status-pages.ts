import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createStatusPageInput,
  statusPageSettingsShape,
  updateStatusPageInput,
} from "@/server/services/status-pages/status-page-settings";
import { subjectKinds } from "@/db/schema/flips";
import { describe, listOf, snakeShape, timestamp } from "./shape";
import {
  QUOTA,
  answer,
  errors,
  idParams,
  noContent,
  readErrors,
  writeErrors,
  jsonBody,
} from "./common";

const prose = {
  slug: "lowercase letters, digits and dashes, 3-48; unique across the instance; reserved words such as api, admin, new are refused",
  visibility:
    "private (the default): only members of the workspace, signed in; everyone else gets 404",
};

export const statusPageCreateBody = z
  .strictObject(describe(snakeShape(createStatusPageInput.shape), prose))
  .meta({ id: "StatusPageCreate" });
export const statusPageUpdateBody = z
  .strictObject(describe(snakeShape(updateStatusPageInput.shape), prose))
  .meta({ id: "StatusPageUpdate" });

const statusPageSchema = z
  .strictObject({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    visibility: statusPageSettingsShape.visibility,
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
  "/status-pages": {
    get: {
      summary: "List status pages, newest first",
      responses: {
        "200": answer(
          "All status pages of the workspace",
          listOf("status_pages", statusPageSchema, "StatusPageList"),
        ),
        ...errors([401]),
      },
    },
    post: {
      summary:
        "Create a status page (private unless visibility says otherwise); every monitor and heartbeat shows on it",
      requestBody: jsonBody(statusPageCreateBody),
      responses: {
        "201": answer("Created", statusPageSchema),
        ...writeErrors({ 403: QUOTA }),
        ...errors([409], { 409: "The slug is taken" }),
      },
    },
  },
  "/status-pages/{id}": {
    get: {
      summary: "Get a status page",
      requestParams: { path: idParams },
      responses: { "200": answer("The status page", statusPageSchema), ...readErrors() },
    },
    patch: {
      summary: "Change a status page (partial); a new slug frees the old one",
      requestParams: { path: idParams },
      requestBody: jsonBody(statusPageUpdateBody),
      responses: {
        "200": answer("The status page", statusPageSchema),
        ...writeErrors(),
        ...errors([409], { 409: "The slug is taken" }),
      },
    },
    delete: {
      summary: "Delete a status page; its slug is free again",
      requestParams: { path: idParams },
      responses: { "204": noContent("Deleted"), ...writeErrors() },
    },
  },
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
