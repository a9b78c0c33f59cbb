import { z } from "zod";
import { TEXT_LIMITS } from "@/server/domain/validation/field-labels";

/** An absolute http:// or https:// URL with a host: a monitor's target, a channel's receiver. */
export const httpUrl = z
  .string()
  .trim()
  .max(TEXT_LIMITS.url)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { error: "must start with http:// or https://" },
  );
