import { apiRoute } from "@/server/http/api-v1/respond";
import { resendConfirmation } from "@/server/services/alerts/resend-confirmation";
import { alertDepsFrom } from "@/server/services/alerts/alert-deps";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ ctx, params }) => {
  const sent = await resendConfirmation({
    ctx,
    channelId: params.id ?? "",
    deps: alertDepsFrom(getRuntime().config),
  });
  return Response.json({ confirmations: sent });
});
