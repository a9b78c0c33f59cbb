import type { Metadata } from "next";
import { EditHeartbeat } from "@/components/heartbeats/edit-heartbeat";

export const metadata: Metadata = { title: "Edit heartbeat" };

export default async function EditHeartbeatPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditHeartbeat id={id} />;
}
