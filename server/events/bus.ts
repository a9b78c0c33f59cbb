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
  /** The incident this flip opened or resolved, if it did. */
  incident?: { id: string; change: "opened" | "resolved" };
};

/** One send of an alert message finished (and was recorded). */
type AlertSentEvent = {
  workspaceId: string;
  messageId: string;
  channelId: string;
  channelKind: string;
  kind: "alert" | "reminder" | "test";
  flipIds: string[];
  status: "delivered" | "retrying" | "failed";
  attempts: number;
  error: string | null;
};

export type PageContentEvent = {
  workspaceId: string;
  kind: "incident" | "announcement" | "maintenance";
  id: string;
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
  /**
   * A status page was created, edited, re-ordered or deleted; `slugs` holds its old and new slug.
   * Emitted with emitAndWait: the change returns once every node has dropped its copies.
   */
  "status-page.changed": { workspaceId: string; statusPageId: string; slugs: string[] };
  /**
   * What people wrote on a workspace's pages changed: an incident or its updates, an announcement,
   * a maintenance (or its window started or ended). Its pages drop their copies and viewers refetch.
   */
  "page-content.changed": PageContentEvent;
  /** An alert message was sent, or its send failed (recorded after commit). */
  "alert.sent": AlertSentEvent;
  /** The user's password changed: every older session, sockets included, must end. */
  "user.sessions-revoked": { userId: string };
  /** These sessions of the user were signed out: their sockets, on every node, must close. */
  "user.sessions-ended": { userId: string; sessionIds: string[] };
};

/** A listener runs synchronously; whatever it still has to do (e.g. other nodes) it returns as a promise. */
type Listener<K extends keyof VigilEvents> = (payload: VigilEvents[K]) => unknown;

export type EventBus = {
  /** Runs every listener now; work they return as promises goes on without the emitter. */
  emit<K extends keyof VigilEvents>(name: K, payload: VigilEvents[K]): void;
  /** Like emit, then waits for the promises the listeners returned. Never rejects. */
  emitAndWait<K extends keyof VigilEvents>(name: K, payload: VigilEvents[K]): Promise<void>;
  on<K extends keyof VigilEvents>(name: K, listener: Listener<K>): () => void;
};

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === "function";

/** A bus of its own; Vigil uses the shared one (getEventBus), tests may run a node on another. */
export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const fail = (name: string) => (err: unknown) =>
    console.error(`event listener for ${name} failed`, err);
  const run = <K extends keyof VigilEvents>(name: K, payload: VigilEvents[K]) => {
    const pending: Promise<void>[] = [];
    // A failing subscriber must not undo or block the committed change that emitted.
    for (const listener of emitter.listeners(name)) {
      try {
        const result = (listener as Listener<K>)(payload);
        if (isThenable(result)) pending.push(Promise.resolve(result).then(() => {}, fail(name)));
      } catch (err) {
        fail(name)(err);
      }
    }
    return pending;
  };
  return {
    emit: (name, payload) => {
      // Each listener's promise already reports its own failure; emit does not wait for them.
      void run(name, payload);
    },
    emitAndWait: async (name, payload) => {
      await Promise.all(run(name, payload));
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
