import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { parseBody } from "@/server/http/api-v1/schemas/shape";
import { announcementCreateBody } from "@/server/http/api-v1/schemas/incidents";
import { announcementJson } from "@/server/http/api-v1/incident-json";
import {
  createAnnouncement,
  listAnnouncements,
} from "@/server/services/announcements/announcements";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params }) => {
  const list = await listAnnouncements({ ctx, input: { statusPageId: params.id ?? "" } });
  return Response.json({ announcements: list.map(announcementJson) });
});

export const POST = apiRoute(async ({ req, ctx, params }) => {
  const body = parseBody(announcementCreateBody, await readJson(req));
  const made = await createAnnouncement({ ctx, input: { statusPageId: params.id ?? "", ...body } });
  return Response.json(announcementJson(made), { status: 201 });
});
