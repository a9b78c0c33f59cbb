import type { Metadata } from "next";
import { NewStatusPage } from "@/components/status-pages/new-status-page";

export const metadata: Metadata = { title: "New status page" };

export default function NewStatusPagePage() {
  return <NewStatusPage />;
}
