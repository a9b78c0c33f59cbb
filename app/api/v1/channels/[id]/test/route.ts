import { apiRoute } from "@/server/http/api-v1/respond";
import { sendTestNotification } from "@/server/services/alerts/send-test-notification";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params }) => {
  const result = await sendTestNotification({
    ctx,
    input: { channelId: params.id ?? "" },
  });
  return Response.json({
    delivered: result.delivered,
    error: result.error,
    message_id: result.messageId,
  });
});
