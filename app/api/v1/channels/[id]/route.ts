import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { channelJson, parseUpdateChannel } from "@/server/http/api-v1/channel-json";
import { deleteChannel, getChannel, updateChannel } from "@/server/services/alerts/manage-channels";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params }) =>
  Response.json(channelJson(await getChannel({ ctx, input: { channelId: params.id ?? "" } }))),
);

export const PATCH = apiRoute(async ({ req, ctx, params }) => {
  const channel = await updateChannel({
    ctx,
    input: { channelId: params.id ?? "", changes: parseUpdateChannel(await readJson(req)) },
  });
  return Response.json(channelJson(channel));
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteChannel({ ctx, input: { channelId: params.id ?? "" } });
  return new Response(null, { status: 204 });
});
