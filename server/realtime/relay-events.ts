import { getEventBus } from "@/server/events/bus";
import type { VigilIo } from "@/server/realtime/create-io";
import { userRoom, workspaceRoom } from "@/server/realtime/rooms";

/** Forwards committed changes to the dashboards watching each workspace. Returns an unsubscribe. */
export function relayEvents(io: VigilIo): () => void {
  const bus = getEventBus();
  const offs = [
    bus.on("flip", (flip) =>
      io.to(workspaceRoom(flip.workspaceId)).emit("flip", { ...flip, at: flip.at.toISOString() }),
    ),
    bus.on("monitor.changed", ({ workspaceId, monitorId }) =>
      io.to(workspaceRoom(workspaceId)).emit("monitor:changed", { monitorId }),
    ),
    bus.on("heartbeat.changed", ({ workspaceId, heartbeatId }) =>
      io.to(workspaceRoom(workspaceId)).emit("heartbeat:changed", { heartbeatId }),
    ),
    bus.on("heartbeat.pinged", ({ workspaceId, heartbeatId }) =>
      io.to(workspaceRoom(workspaceId)).emit("heartbeat:changed", { heartbeatId }),
    ),
    bus.on("user.sessions-revoked", ({ userId }) =>
      io.in(userRoom(userId)).disconnectSockets(true),
    ),
  ];
  return () => offs.forEach((off) => off());
}
