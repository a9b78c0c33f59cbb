"use client";

import { Card } from "@/components/ui/panel";
import { UptimeBar } from "@/components/status-page/uptime-bar";

type Props = {
  name: string;
  bars: { firstDay: string; days: string; incidentDays: string; maintenanceDays: string };
};

/** The monitor's daily bars as its status page draws them, maintenance left out of each day. */
export function UptimeHistory({ name, bars }: Props) {
  return (
    <Card title="Daily uptime">
      <UptimeBar
        name={name}
        firstDay={bars.firstDay}
        days={bars.days}
        incidentDays={bars.incidentDays}
        maintenanceDays={bars.maintenanceDays}
      />
      <div className="sp-meta sp-axis" />
    </Card>
  );
}

/** The line under the uptime figures when maintenance fell in their range or the bars'. */
export function MaintenanceNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <p className="-mt-2 text-xs text-zinc-500 dark:text-zinc-400" data-testid="maintenance-note">
      Maintenance windows are not counted.
    </p>
  );
}
