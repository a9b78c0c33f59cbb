import type { Metadata } from "next";
import { NewHeartbeat } from "@/components/heartbeats/new-heartbeat";

export const metadata: Metadata = { title: "New heartbeat" };

export default function NewHeartbeatPage() {
  return <NewHeartbeat />;
}
