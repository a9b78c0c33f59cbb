import type { Metadata } from "next";
import { Activity } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";

export const metadata: Metadata = { title: "Monitors" };

export default function MonitorsPage() {
  return (
    <>
      <PageHeader title="Monitors" description="HTTP(S) endpoints checked on a schedule." />
      <EmptyState icon={Activity} title="No monitors yet">
        Monitors will list every endpoint this workspace watches, with its live state, response time
        and 30-day uptime.
      </EmptyState>
    </>
  );
}
