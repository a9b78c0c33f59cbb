import type { Metadata } from "next";
import { ScheduleMaintenance } from "@/components/maintenances/schedule-maintenance";

export const metadata: Metadata = { title: "Schedule maintenance" };

export default function ScheduleMaintenancePage() {
  return <ScheduleMaintenance />;
}
