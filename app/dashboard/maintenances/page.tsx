import type { Metadata } from "next";
import { MaintenanceList } from "@/components/maintenances/maintenance-list";

export const metadata: Metadata = { title: "Maintenance" };

export default function MaintenancesPage() {
  return <MaintenanceList />;
}
