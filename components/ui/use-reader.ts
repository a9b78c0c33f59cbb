"use client";

import { useSyncExternalStore } from "react";
import { UTC_READER, type Reader } from "@/server/domain/format/date-time";

const subscribe = () => () => {};
let cached: Reader | null = null;

function browserReader(): Reader {
  if (!cached) {
    const { locale, timeZone } = new Intl.DateTimeFormat().resolvedOptions();
    cached = { locale: navigator.language || locale, timeZone: timeZone || "UTC" };
  }
  return cached;
}

/**
 * The viewer's locale and time zone. The server render and hydration use UTC in English, so a
 * statically rendered page matches its HTML; React then re-renders with the browser's own.
 */
export function useReader(): Reader {
  return useSyncExternalStore(subscribe, browserReader, () => UTC_READER);
}
