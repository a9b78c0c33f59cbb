import {
  Activity,
  BellRing,
  Gauge,
  HeartPulse,
  Radio,
  Settings,
  Siren,
  Wrench,
} from "lucide-react";

export const navItems = [
  { href: "/dashboard", label: "Overview", icon: Gauge },
  { href: "/dashboard/monitors", label: "Monitors", icon: Activity },
  { href: "/dashboard/heartbeats", label: "Heartbeats", icon: HeartPulse },
  { href: "/dashboard/incidents", label: "Incidents", icon: Siren },
  { href: "/dashboard/maintenances", label: "Maintenance", icon: Wrench },
  { href: "/dashboard/status-pages", label: "Status pages", icon: Radio },
  { href: "/dashboard/alerts", label: "Alerts", icon: BellRing },
  { href: "/dashboard/settings", label: "Settings", icon: Settings },
] as const;
