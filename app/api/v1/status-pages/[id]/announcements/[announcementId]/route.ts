import { apiRoute } from "@/server/http/api-v1/respond";
import { deleteAnnouncement } from "@/server/services/announcements/announcements";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(async ({ ctx, params }) => {
  const input = { statusPageId: params.id ?? "", announcementId: params.announcementId ?? "" };
  await deleteAnnouncement({ ctx, input });
  return new Response(null, { status: 204 });
});
