import type { Metadata } from "next";
import { ChannelList } from "@/components/alerts/channel-list";

export const metadata: Metadata = { title: "Alerts" };

export default function AlertsPage() {
  return <ChannelList />;
}
