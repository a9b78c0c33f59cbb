import { Activity } from "lucide-react";
import type { SubjectListKind } from "@/components/subjects/subject-list";

export const monitorListKind: SubjectListKind = {
  title: "Monitors",
  description: "HTTP(S) endpoints checked on a schedule.",
  href: "/dashboard/monitors",
  noun: "monitor",
  empty: {
    icon: Activity,
    text: "Add an endpoint and Vigil checks it on your schedule, flips it to Down only after confirmed failures, and keeps its response times and uptime.",
  },
};
