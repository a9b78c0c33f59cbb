import { formatUptime } from "@/server/domain/format/percent";
import { uptimeWindowText } from "@/server/domain/format/uptime-window";
import { maintenanceText } from "@/components/monitors/format";

/**
 * An uptime figure that says what it covers when the monitor is younger than the window, and
 * how much maintenance it leaves out.
 */
export function UptimeFigure(props: {
  ratio: number | null;
  windowMs: number;
  createdAt: Date | string;
  now: number;
  maintenanceMs: number;
}) {
  const covers = uptimeWindowText(props.windowMs, props.createdAt, props.now);
  const young = covers.startsWith("since");
  const maintenance = maintenanceText(props.maintenanceMs);
  return (
    <span title={[`Uptime, ${covers}`, maintenance].filter(Boolean).join("; ")}>
      {formatUptime(props.ratio)}
      {young ? (
        <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">{covers}</span>
      ) : null}
      {maintenance ? (
        <span
          className="block text-xs font-normal text-zinc-500 dark:text-zinc-400"
          data-testid="uptime-maintenance"
        >
          {maintenance}
        </span>
      ) : null}
    </span>
  );
}
