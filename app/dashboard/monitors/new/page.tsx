import type { Metadata } from "next";
import { NewMonitor } from "@/components/monitors/new-monitor";

export const metadata: Metadata = { title: "New monitor" };

export default function NewMonitorPage() {
  return <NewMonitor />;
}
