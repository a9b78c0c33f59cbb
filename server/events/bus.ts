import { EventEmitter } from "node:events";
import type { SubjectKind } from "@/db/schema/flips";

export type FlipEvent = {
  flipId: string;
  workspaceId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  from: string;
  to: string;
  at: Date;
};

/** Everything that happens after a commit; Socket.IO, schedulers and (later) alerts subscribe. */
export type VigilEvents = {
  flip: FlipEvent;
  /** A monitor was created, edited, checked, paused, resumed or deleted. */
  "monitor.changed": { workspaceId: string; monitorId: string; nextCheckAt: Date | null };
  /** A heartbeat was pinged, created, edited, paused, resumed, swept or deleted. */
  "heartbeat.changed": { workspaceId: string; heartbeatId: string; alarmAt: Date | null };
  /** Pings arrived that changed no state (throttled): dashboards refresh "last ping". */
  "heartbeat.pinged": { workspaceId: string; heartbeatId: string };
  /** A status page was created, edited, re-ordered or deleted; `slugs` holds its old and new slug. */
  "status-page.changed": { workspaceId: string; statusPageId: string; slugs: string[] };
  /** The user's password changed: every older session, sockets included, must end. */
  "user.sessions-revoked": { userId: string };
};

export type EventBus = {
  emit<K extends keyof VigilEvents>(name: K, payload: VigilEvents[K]): void;
  on<K extends keyof VigilEvents>(name: K, listener: (payload: VigilEvents[K]) => void): () => void;
};

function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit: (name, payload) => {
      // A failing subscriber must not undo or block the committed change that emitted.
      for (const listener of emitter.listeners(name)) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (err) {
          console.error(`event listener for ${name} failed`, err);
        }
      }
    },
    on: (name, listener) => {
      emitter.on(name, listener as (p: unknown) => void);
      return () => emitter.off(name, listener as (p: unknown) => void);
    },
  };
}

// Shared by the custom server and Next's bundles through globalThis (separate module graphs).
const KEY = Symbol.for("vigil.event-bus");
type Holder = { [KEY]?: EventBus };

export function getEventBus(): EventBus {
  const holder = globalThis as Holder;
  holder[KEY] ??= createEventBus();
  return holder[KEY];
}
