import type { Metadata } from "next";
import { Radio } from "lucide-react";
import { PageHeader } from "@/components/dashboard/page-header";
import { EmptyState } from "@/components/dashboard/empty-state";

export const metadata: Metadata = { title: "Status page" };

export default function StatusPagesPage() {
  return (
    <>
      <PageHeader
        title="Status page"
        description="A public page at /status/<slug> that updates itself."
      />
      <EmptyState icon={Radio} title="No status page yet">
        Your status page will show services and scheduled jobs together, live for every viewer. It
        stays private until you publish it.
      </EmptyState>
    </>
  );
}
