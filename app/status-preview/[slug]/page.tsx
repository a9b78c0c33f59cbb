import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { StatusPageScreen } from "@/components/status-page/status-page-screen";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { getRuntime } from "@/server/runtime";
import { loadStatusPageView } from "@/server/services/status-pages/load-status-page-view";
import {
  HANDOVER_HEADER,
  isPreviewToken,
  takeView,
} from "@/server/services/status-pages/view-handover";

// A private page as its workspace's members see it; the custom server rewrites /status/<slug> here
// only for them. Rendered per request and never cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Private preview", robots: { index: false } };

export default async function PrivateStatusPreview({ params }: Props) {
  // The custom server rewrote the request here after checking the visitor is a member, and started
  // loading the view then; without its token, check and load here.
  const { slug } = await params;
  const token = (await headers()).get(HANDOVER_HEADER);
  const handed = isPreviewToken(token) ? await takeView(token) : undefined;
  const view = handed?.page.slug === slug ? handed : await loadForSessionUser(slug);
  if (!view) notFound();
  return <StatusPageScreen initial={view} preview={view.page.visibility === "private"} />;
}

async function loadForSessionUser(slug: string) {
  const user = await getSessionUserFromRequest();
  if (!user) return null;
  const { db, config } = getRuntime();
  return loadStatusPageView({
    ctx: { db, baseUrl: config.baseUrl },
    input: { slug, viewer: { userId: user.id } },
  });
}
