import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { channelJson, parseUpdateChannel } from "@/server/http/api-v1/channel-json";
import { deleteChannel, getChannel, updateChannel } from "@/server/services/alerts/manage-channels";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx, params }) =>
  Response.json(channelJson(await getChannel({ ctx, channelId: params.id ?? "" }))),
);

export const PATCH = apiRoute(async ({ req, ctx, params, config }) => {
  const channel = await updateChannel({
    ctx,
    channelId: params.id ?? "",
    input: parseUpdateChannel(await readJson(req)),
    guard: { privateTargets: config.privateTargets },
    deps: alertDepsFrom(config),
  });
  return Response.json(channelJson(channel));
});

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteChannel({ ctx, channelId: params.id ?? "" });
  return new Response(null, { status: 204 });
});
