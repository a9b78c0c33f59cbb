"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import { overallStatus, type ComponentStatus } from "@/server/domain/status-pages/page-status";
import type { StatusPageView } from "@/server/domain/status-pages/page-view";
import type { StatusFlipMessage } from "@/server/realtime/status-page-messages";

export type LiveState = "connecting" | "live" | "reconnecting" | "gone";

function applyFlip(view: StatusPageView, flip: StatusFlipMessage): StatusPageView {
  const services = view.services.map((s) =>
    s.id === flip.subjectId && flip.subjectKind === "monitor"
      ? { ...s, status: flip.status, state: flip.state as typeof s.state, since: flip.at }
      : s,
  );
  const jobs = view.jobs.map((j) =>
    j.id === flip.subjectId && flip.subjectKind === "heartbeat"
      ? { ...j, status: flip.status, state: flip.state as typeof j.state }
      : j,
  );
  const statuses: ComponentStatus[] = [
    ...services.map((s) => s.status),
    ...jobs.map((j) => j.status),
  ];
  return { ...view, services, jobs, overall: overallStatus(statuses) };
}

/**
 * The page's view, kept current over Socket.IO: a flip is applied the moment it arrives, then the
 * whole view is fetched again (bars, incidents) after a short random delay so that a thousand
 * viewers do not ask in the same millisecond. Rejoins and refetches after a reconnection.
 */
export function useLiveStatusPage(initial: StatusPageView): {
  view: StatusPageView;
  live: LiveState;
} {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState<LiveState>("connecting");
  const lastFlipAt = useRef(0);
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { id, slug } = initial.page;

  const refetch = useCallback(
    (delayMs: number, attempt = 0) => {
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
      refetchTimer.current = setTimeout(async () => {
        try {
          const res = await fetch(`/status/${slug}/view.json`, { cache: "no-cache" });
          if (res.status === 404) return setLive("gone");
          if (!res.ok) return;
          const next = (await res.json()) as StatusPageView;
          // A copy older than a flip already shown would undo it: ask again shortly.
          if (Date.parse(next.generatedAt) < lastFlipAt.current && attempt < 3)
            return refetch(1000, attempt + 1);
          setView(next);
        } catch {
          // Offline for a moment: the next event or reconnection fetches again.
        }
      }, delayMs);
    },
    [slug],
  );

  useEffect(() => {
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    const join = () =>
      socket.emit("room:join", `status-page:${id}`, (reply: { ok: boolean }) =>
        setLive(reply.ok ? "live" : "gone"),
      );
    let connectedBefore = false;
    socket.on("connect", () => {
      join();
      if (connectedBefore) refetch(Math.random() * 1000);
      connectedBefore = true;
    });
    socket.on("disconnect", () => setLive((s) => (s === "gone" ? s : "reconnecting")));
    socket.on("status:flip", (flip: StatusFlipMessage) => {
      if (flip.statusPageId !== id) return;
      lastFlipAt.current = Math.max(lastFlipAt.current, Date.parse(flip.at));
      setView((v) => applyFlip(v, flip));
      refetch(250 + Math.random() * 1500);
    });
    socket.on("status:changed", (change: { statusPageId: string }) => {
      if (change.statusPageId === id) refetch(250 + Math.random() * 2500);
    });
    socket.on("status:gone", (change: { statusPageId: string }) => {
      if (change.statusPageId === id) setLive("gone");
    });
    return () => {
      if (refetchTimer.current) clearTimeout(refetchTimer.current);
      socket.disconnect();
    };
  }, [id, refetch]);

  return { view, live };
}
