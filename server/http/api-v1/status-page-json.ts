import type { PageSubject } from "@/server/services/status-pages/list-page-subjects";
import { statusPageUrl } from "@/server/services/status-pages/get-status-page-view";
import type { getStatusPage } from "@/server/services/status-pages/find-status-page";
import { parseWith } from "@/server/http/api-v1/respond";
import {
  statusPageCreateBody,
  statusPageItemsBody,
  statusPageUpdateBody,
  type StatusPageItemJson,
  type StatusPageJson,
} from "@/server/http/api-v1/schemas/status-pages";
import { parseBody } from "@/server/http/api-v1/schemas/shape";

type StatusPage = Awaited<ReturnType<typeof getStatusPage>>;

/** The status page as REST API v1 shows it. */
export function statusPageJson(p: StatusPage, baseUrl: string): StatusPageJson {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    description: p.description,
    visibility: p.visibility,
    show_job_failures: p.showJobFailures,
    auto_add_subjects: p.autoAddSubjects,
    url: statusPageUrl(baseUrl, p.slug),
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

/** One subject on a page with its override, in page order. */
export function pageItemJson(s: PageSubject): StatusPageItemJson {
  return {
    subject_kind: s.kind,
    subject_id: s.id,
    name: s.name,
    hidden: s.hidden,
    position: s.position,
  };
}

export const parseCreateStatusPage = (body: unknown) => parseBody(statusPageCreateBody, body);
export const parseUpdateStatusPage = (body: unknown) => parseBody(statusPageUpdateBody, body);

/** `{"items": [...]}` in the API's snake_case, as the service's overrides. */
export function parsePageItems(body: unknown) {
  return parseWith(statusPageItemsBody, body).items.map((i) => ({
    subjectKind: i.subject_kind,
    subjectId: i.subject_id,
    hidden: i.hidden,
    position: i.position,
  }));
}
