import type { Metadata } from "next";
import { MaintenanceDetail } from "@/components/maintenances/maintenance-detail";

export const metadata: Metadata = { title: "Maintenance" };

export default async function MaintenancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <MaintenanceDetail id={id} />;
}
