import { z } from "zod";
import type { StatusPage } from "@/db/schema";
import {
  createStatusPageInput,
  updateStatusPageInput,
} from "@/server/services/status-pages/status-page-settings";
import type { PageSubject } from "@/server/services/status-pages/list-page-subjects";
import { statusPageUrl } from "@/server/services/status-pages/get-status-page-view";
import { parseWith, writableFields } from "@/server/http/api-v1/respond";

/** The status page as REST API v1 shows it. */
export function statusPageJson(p: StatusPage, baseUrl: string) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    description: p.description,
    visibility: p.visibility,
    url: statusPageUrl(baseUrl, p.slug),
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

/** One subject on a page with its override, in page order. */
export function pageItemJson(s: PageSubject) {
  return {
    subject_kind: s.kind,
    subject_id: s.id,
    name: s.name,
    hidden: s.hidden,
    position: s.position,
  };
}

const WRITABLE = ["slug", "title", "description", "visibility"] as const;

export const parseCreateStatusPage = (body: unknown) =>
  parseWith(createStatusPageInput, writableFields(body, WRITABLE));
export const parseUpdateStatusPage = (body: unknown) =>
  parseWith(updateStatusPageInput, writableFields(body, WRITABLE));

const itemsBody = z.strictObject({
  items: z.array(
    z.strictObject({
      subject_kind: z.enum(["monitor", "heartbeat"], { error: 'must be "monitor" or "heartbeat"' }),
      subject_id: z.uuid({ error: "must be a monitor or heartbeat id" }),
      hidden: z.boolean().default(false),
      position: z.number().int().nullable().default(null),
    }),
  ),
});

/** `{"items": [...]}` in the API's snake_case, as the service's overrides. */
export function parsePageItems(body: unknown) {
  return parseWith(itemsBody, body).items.map((i) => ({
    subjectKind: i.subject_kind,
    subjectId: i.subject_id,
    hidden: i.hidden,
    position: i.position,
  }));
}
