"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io } from "socket.io-client";
import { useTRPC } from "@/components/trpc/client";

const LiveContext = createContext(false);

/** True while the dashboard's live connection is up. */
const useIsLive = () => useContext(LiveContext);

/**
 * One Socket.IO connection per dashboard tab (authenticated by the session cookie). Any change
 * committed in the workspace refreshes the queries that show it, so no page needs a reload.
 */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    // A status page lists every monitor and heartbeat: its editor follows them too.
    // So does the overview, which shows every monitor and heartbeat.
    const refreshPageSubjects = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.statusPage.subjects.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() });
    };
    const refreshMonitors = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.monitor.pathKey() });
      refreshPageSubjects();
    };
    const refreshHeartbeats = () => {
      void queryClient.invalidateQueries({ queryKey: trpc.heartbeat.pathKey() });
      refreshPageSubjects();
    };
    socket.on("connect", () => {
      setLive(true);
      refreshMonitors();
      refreshHeartbeats();
    });
    socket.on("disconnect", () => setLive(false));
    socket.on("monitor:changed", refreshMonitors);
    socket.on("heartbeat:changed", refreshHeartbeats);
    socket.on("flip", (flip) =>
      flip.subjectKind === "heartbeat" ? refreshHeartbeats() : refreshMonitors(),
    );
    return () => {
      socket.disconnect();
    };
  }, [queryClient, trpc]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function LiveIndicator() {
  const live = useIsLive();
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400"
      role="status"
      aria-live="polite"
      data-testid="live-indicator"
    >
      <span
        className={`size-1.5 rounded-full ${live ? "animate-pulse bg-brand-500" : "bg-zinc-400"}`}
        aria-hidden="true"
      />
      {live ? "Live" : "Reconnecting…"}
    </span>
  );
}
