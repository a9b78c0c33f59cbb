import { formatUptime } from "@/server/domain/format/percent";
import { uptimeWindowText } from "@/server/domain/format/uptime-window";

/** An uptime figure that says what it covers when the monitor is younger than the window. */
export function UptimeFigure(props: {
  ratio: number | null;
  windowMs: number;
  createdAt: Date | string;
  now: number;
}) {
  const covers = uptimeWindowText(props.windowMs, props.createdAt, props.now);
  const young = covers.startsWith("since");
  return (
    <span title={`Uptime, ${covers}`}>
      {formatUptime(props.ratio)}
      {young ? (
        <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">{covers}</span>
      ) : null}
    </span>
  );
}
