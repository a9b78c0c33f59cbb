import type { Metadata } from "next";
import { HeartbeatDetail } from "@/components/heartbeats/heartbeat-detail";

export const metadata: Metadata = { title: "Heartbeat" };

export default async function HeartbeatPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <HeartbeatDetail id={id} />;
}
