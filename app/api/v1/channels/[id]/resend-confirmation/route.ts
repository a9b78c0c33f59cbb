import { apiRoute } from "@/server/http/api-v1/respond";
import { resendConfirmation } from "@/server/services/alerts/resend-confirmation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params }) => {
  const sent = await resendConfirmation({
    ctx,
    input: { channelId: params.id ?? "" },
  });
  return Response.json({ confirmations: sent });
});
