import type { Metadata } from "next";
import { StatusPageDetail } from "@/components/status-pages/status-page-detail";

export const metadata: Metadata = { title: "Status page" };

export default async function StatusPageSettingsPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return <StatusPageDetail id={id} />;
}
