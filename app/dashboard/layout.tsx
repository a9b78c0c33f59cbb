import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { TrpcReactProvider } from "@/components/trpc/client";
import { getSessionUserFromRequest } from "@/server/auth/get-session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUserFromRequest();
  if (!user) redirect("/sign-in?callbackUrl=/dashboard");
  return (
    <TrpcReactProvider>
      <DashboardShell email={user.email}>{children}</DashboardShell>
    </TrpcReactProvider>
  );
}
