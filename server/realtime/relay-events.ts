import { getEventBus, type EventBus } from "@/server/events/bus";
import type { VigilIo } from "@/server/realtime/create-io";
import { sessionRoom, userRoom, workspaceRoom } from "@/server/realtime/rooms";

// Dashboards refetch on these; at hundreds of checks a second, once per room per interval is plenty.
const CHANGE_EVERY_MS = 500;

/** Forwards committed changes to the dashboards watching each workspace. Returns an unsubscribe. */
export function relayEvents(io: VigilIo, bus: EventBus = getEventBus()): () => void {
  const pending = new Map<string, NodeJS.Timeout>();
  const throttled = (key: string, send: () => void) => {
    if (pending.has(key)) return;
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        send();
      }, CHANGE_EVERY_MS),
    );
  };
  const offs = [
    // Flips go out at once: they are what a viewer is waiting for.
    bus.on("flip", (flip) =>
      io.to(workspaceRoom(flip.workspaceId)).emit("flip", { ...flip, at: flip.at.toISOString() }),
    ),
    bus.on("monitor.changed", ({ workspaceId, monitorId }) =>
      throttled(`m:${workspaceId}`, () =>
        io.to(workspaceRoom(workspaceId)).emit("monitor:changed", { monitorId }),
      ),
    ),
    bus.on("heartbeat.changed", ({ workspaceId, heartbeatId }) =>
      throttled(`h:${workspaceId}`, () =>
        io.to(workspaceRoom(workspaceId)).emit("heartbeat:changed", { heartbeatId }),
      ),
    ),
    bus.on("heartbeat.pinged", ({ workspaceId, heartbeatId }) =>
      throttled(`h:${workspaceId}`, () =>
        io.to(workspaceRoom(workspaceId)).emit("heartbeat:changed", { heartbeatId }),
      ),
    ),
    bus.on("user.sessions-revoked", ({ userId }) =>
      io.in(userRoom(userId)).disconnectSockets(true),
    ),
    // The Postgres adapter carries this to every node.
    bus.on("user.sessions-ended", ({ sessionIds }) =>
      io.in(sessionIds.map(sessionRoom)).disconnectSockets(true),
    ),
  ];
  return () => {
    offs.forEach((off) => off());
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
