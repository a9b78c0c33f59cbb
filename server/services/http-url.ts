import { z } from "zod";

/** An absolute http:// or https:// URL with a host: a monitor's target, a channel's receiver. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: "must be an http:// or https:// URL" },
  );
