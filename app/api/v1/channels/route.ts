import { apiRoute, readJson } from "@/server/http/api-v1/respond";
import { channelJson, parseCreateChannel } from "@/server/http/api-v1/channel-json";
import { createChannel } from "@/server/services/alerts/create-channel";
import { listChannels } from "@/server/services/alerts/manage-channels";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ ctx }) =>
  Response.json({ channels: (await listChannels({ ctx })).map(channelJson) }),
);

export const POST = apiRoute(async ({ req, ctx }) => {
  const { channel, secret } = await createChannel({
    ctx,
    input: parseCreateChannel(await readJson(req)),
  });
  // The only time the secret is shown.
  return Response.json({ ...channelJson(channel), ...(secret ? { secret } : {}) }, { status: 201 });
});
