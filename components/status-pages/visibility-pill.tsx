import { Globe, Lock } from "lucide-react";
import { Pill } from "@/components/ui/panel";

/** Public or Private in words and an icon. */
export function VisibilityPill({ visibility }: { visibility: "public" | "private" }) {
  return visibility === "public" ? (
    <Pill
      label="Public"
      status="public"
      icon={Globe}
      className="bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/30"
    />
  ) : (
    <Pill
      label="Private"
      status="private"
      icon={Lock}
      className="bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-600/40"
    />
  );
}
