import { HeartPulse } from "lucide-react";
import type { SubjectListKind } from "@/components/subjects/subject-list";

export const heartbeatListKind: SubjectListKind = {
  title: "Heartbeats",
  description: "Cron and background jobs that ping Vigil after every run.",
  href: "/dashboard/heartbeats",
  noun: "heartbeat",
  empty: {
    icon: HeartPulse,
    text: "Give a job a secret ping URL. When the ping does not arrive by its deadline plus grace, Vigil marks the job missing — the run that never happened.",
  },
};
