import { apiRoute } from "@/server/http/api-v1/respond";
import { resendConfirmation } from "@/server/services/alerts/resend-confirmation";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params, config }) => {
  const sent = await resendConfirmation({
    ctx,
    channelId: params.id ?? "",
    deps: alertDepsFrom(config),
  });
  return Response.json({ confirmations: sent });
});
