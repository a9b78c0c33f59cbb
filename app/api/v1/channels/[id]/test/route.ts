import { apiRoute } from "@/server/http/api-v1/respond";
import { sendTestNotification } from "@/server/services/alerts/send-test-notification";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params, config }) => {
  const result = await sendTestNotification({
    ctx,
    channelId: params.id ?? "",
    deps: alertDepsFrom(config),
  });
  return Response.json({
    delivered: result.delivered,
    error: result.error,
    message_id: result.messageId,
  });
});
