import type { ReactNode } from "react";
import { TrpcReactProvider } from "@/components/trpc/client";

// tRPC lives with the pages that use it (sign-up here, the dashboard), not in the root layout: a
// public status page ships and renders none of it.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <TrpcReactProvider>{children}</TrpcReactProvider>;
}
