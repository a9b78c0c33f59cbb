import type { Metadata } from "next";
import { HeartbeatList } from "@/components/heartbeats/heartbeat-list";

export const metadata: Metadata = { title: "Heartbeats" };

export default function HeartbeatsPage() {
  return <HeartbeatList />;
}
