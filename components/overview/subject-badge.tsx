import { StatusBadge } from "@/components/monitors/status-badge";
import { HeartbeatBadge } from "@/components/heartbeats/heartbeat-badge";
import type { OverviewTile } from "@/server/services/overview/get-overview";

export function SubjectBadge({ tile }: { tile: OverviewTile }) {
  return tile.kind === "monitor" ? (
    <StatusBadge status={tile.state} />
  ) : (
    <HeartbeatBadge status={tile.state} />
  );
}
