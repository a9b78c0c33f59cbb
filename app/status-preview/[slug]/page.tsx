import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusPageScreen } from "@/components/status-page/status-page-screen";
import { getSessionUserFromRequest } from "@/server/auth/get-session";
import { loadStatusPageView } from "@/server/services/status-pages/load-status-page-view";

// A private page as its workspace's members see it; the custom server rewrites /status/<slug> here
// only for them. Rendered per request and never cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Private preview", robots: { index: false } };

export default async function PrivateStatusPreview({ params }: Props) {
  const user = await getSessionUserFromRequest();
  const view = user ? await loadStatusPageView((await params).slug, { userId: user.id }) : null;
  if (!view) notFound();
  return <StatusPageScreen initial={view} preview={view.page.visibility === "private"} />;
}
