import { apiRoute, parseLimit } from "@/server/http/api-v1/respond";
import { alertMessageJson } from "@/server/http/api-v1/channel-json";
import { getChannel } from "@/server/services/alerts/manage-channels";
import { listAlertMessages } from "@/server/services/alerts/list-alert-messages";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, ctx, params }) => {
  const limit = parseLimit(req);
  const channel = await getChannel({ ctx, input: { channelId: params.id ?? "" } });
  const messages = await listAlertMessages({ ctx, input: { channelId: channel.id, limit } });
  return Response.json({ messages: messages.map(alertMessageJson) });
});
