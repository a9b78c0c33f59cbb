import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatusPageScreen } from "@/components/status-page/status-page-screen";
import { getRuntime } from "@/server/runtime";
import { loadStatusPageView } from "@/server/services/status-pages/load-status-page-view";
import { publicHandoverKey, takeView } from "@/server/services/status-pages/view-handover";

// Public pages are rendered on first request and kept (ISR) until the custom server expires them on
// a flip or a settings change. Nothing is prerendered at build time: the build has no database.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

// One view per render, shared by the metadata and the page: the one the custom server started
// loading when it asked for this render, or read here.
const publicView = cache(
  (slug: string) => takeView(publicHandoverKey(slug)) ?? loadAsVisitor(slug),
);

function loadAsVisitor(slug: string) {
  const { db, config } = getRuntime();
  return loadStatusPageView({
    ctx: { db, baseUrl: config.baseUrl },
    input: { slug, viewer: null },
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await publicView((await params).slug);
  if (!view) return { title: "Page not found", robots: { index: false } };
  return {
    title: { absolute: `${view.page.title} status` },
    description: view.page.description || `Live status of ${view.page.title}`,
  };
}

export default async function PublicStatusPage({ params }: Props) {
  const view = await publicView((await params).slug);
  if (!view || view.page.visibility !== "public") notFound();
  return <StatusPageScreen initial={view} preview={false} />;
}
