import { badInput } from "@/server/services/errors";

export const settableStatuses = ["paused", "active"] as const;
export type SettableStatus = (typeof settableStatuses)[number];

/** `status: "paused" | "active"` (Tickstem's way to pause and resume) as the `paused` flag. */
export function pausedFromStatus(
  paused: boolean | undefined,
  status: SettableStatus | undefined,
): boolean | undefined {
  if (status === undefined) return paused;
  const fromStatus = status === "paused";
  if (paused !== undefined && paused !== fromStatus)
    throw badInput("status", `status ${status} contradicts paused ${String(paused)}`);
  return fromStatus;
}
