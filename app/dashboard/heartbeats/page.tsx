import type { Metadata } from "next";
import { HeartPulse } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";

export const metadata: Metadata = { title: "Heartbeats" };

export default function HeartbeatsPage() {
  return (
    <>
      <PageHeader
        title="Heartbeats"
        description="Cron and background jobs that ping Vigil after every run."
      />
      <EmptyState icon={HeartPulse} title="No heartbeats yet">
        Heartbeats will list your scheduled jobs: when each last pinged, when the next run is due,
        and which ones went missing.
      </EmptyState>
    </>
  );
}
