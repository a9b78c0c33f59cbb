import type { Metadata } from "next";
import { StatusPageList } from "@/components/status-pages/status-page-list";

export const metadata: Metadata = { title: "Status pages" };

export default function StatusPagesPage() {
  return <StatusPageList />;
}
