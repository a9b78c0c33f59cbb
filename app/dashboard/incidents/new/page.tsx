import type { Metadata } from "next";
import { DeclareIncident } from "@/components/incidents/declare-incident";

export const metadata: Metadata = { title: "Declare an incident" };

export default function DeclareIncidentPage() {
  return <DeclareIncident />;
}
