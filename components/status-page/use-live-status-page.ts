"use client";

import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import { pageOverall } from "@/server/domain/status-pages/page-status";
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
  return { ...view, services, jobs, overall: pageOverall([...services, ...jobs]) };
}

/**
 * The page's view, kept current over Socket.IO: a flip is applied the moment it arrives, then the
 * whole view is fetched again (bars, incidents) after a short random delay so that a thousand
 * viewers do not ask in the same millisecond. Fetches again after every (re)join, since flips
 * between the page's render and the join would otherwise be lost.
 */
export function useLiveStatusPage(initial: StatusPageView): {
  view: StatusPageView;
  live: LiveState;
  /** The page turned private or was deleted: what it showed must go. */
  unavailable: boolean;
} {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState<LiveState>("connecting");
  const [unavailable, setUnavailable] = useState(false);
  const { id } = initial.page;

  // Mutable connection state, shared by the socket handlers below.
  const state = useRef({
    slug: initial.page.slug,
    lastFlipAt: 0,
    timer: null as ReturnType<typeof setTimeout> | null,
    fetching: null as AbortController | null,
    closed: false,
  });

  useEffect(() => {
    const s = state.current;
    s.closed = false;
    const socket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    const goneForGood = () => {
      s.closed = true;
      if (s.timer) clearTimeout(s.timer);
      s.fetching?.abort();
      socket.disconnect();
      setLive("gone");
      setUnavailable(true);
    };
    const refetch = (delayMs: number, attempt = 0) => {
      if (s.timer) clearTimeout(s.timer);
      // The body catches every failure itself.
      s.timer = setTimeout(() => {
        void (async () => {
          s.fetching?.abort();
          const controller = new AbortController();
          s.fetching = controller;
          try {
            const res = await fetch(`/status/${s.slug}/view.json`, {
              cache: "no-cache",
              signal: controller.signal,
            });
            if (s.closed) return;
            if (res.status === 404) return goneForGood();
            if (!res.ok) return refetch(3000 + Math.random() * 3000, attempt + 1);
            const next = (await res.json()) as StatusPageView;
            const at = Date.parse(next.generatedAt);
            // Built before a flip already shown: it would undo it. (Only one fetch runs at a time,
            // so an older answer can never land after a newer one.)
            if (at < s.lastFlipAt) {
              if (attempt < 5) refetch(1000, attempt + 1);
              return;
            }
            setView(next);
          } catch {
            // Aborted by a newer fetch, or offline for a moment: the next event fetches again.
          }
        })();
      }, delayMs);
    };

    socket.on("connect", () => {
      socket.emit("room:join", `status-page:${id}`, (reply: { ok: boolean }) => {
        setLive(reply.ok ? "live" : "gone");
        // Refused: the page went private or away (the fetch then 404s), or too many joins.
        refetch(reply.ok ? Math.random() * 1000 : 0);
      });
    });
    socket.on("disconnect", () => setLive((l) => (l === "gone" ? l : "reconnecting")));
    socket.on("status:flip", (flip: StatusFlipMessage) => {
      if (flip.statusPageId !== id) return;
      s.lastFlipAt = Math.max(s.lastFlipAt, Date.parse(flip.at));
      setView((v) => applyFlip(v, flip));
      refetch(250 + Math.random() * 1500);
    });
    socket.on("status:changed", (change: { statusPageId: string; slug?: string }) => {
      if (change.statusPageId !== id) return;
      if (change.slug && change.slug !== s.slug) {
        // Renamed: follow it, address bar included, so the page keeps updating.
        s.slug = change.slug;
        window.history.replaceState(null, "", `/status/${change.slug}`);
      }
      refetch(250 + Math.random() * 2500);
    });
    socket.on("status:gone", (change: { statusPageId: string }) => {
      if (change.statusPageId === id) goneForGood();
    });
    return () => {
      s.closed = true;
      if (s.timer) clearTimeout(s.timer);
      s.fetching?.abort();
      socket.disconnect();
    };
  }, [id]);

  return { view, live, unavailable };
}
