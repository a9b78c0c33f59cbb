import type { Heartbeat } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { createHeartbeat } from "@/server/services/heartbeats/create-heartbeat";
import type { HeartbeatSettings } from "@/server/services/heartbeats/heartbeat-settings";
import {
  recordPings,
  type IncomingPing,
  type PingOutcome,
} from "@/server/services/heartbeats/record-pings";

/** A heartbeat created through the real service: every 60 s, 30 s grace, no max run time. */
export function makeHeartbeat(
  ctx: WorkspaceCtx,
  overrides: Partial<HeartbeatSettings> = {},
): Promise<Heartbeat> {
  return createHeartbeat({
    ctx,
    input: {
      name: "Test heartbeat",
      intervalSecs: 60,
      schedule: null,
      tz: "UTC",
      graceSecs: 30,
      maxRuntimeSecs: null,
      paused: false,
      ...overrides,
    },
  });
}

/** Records one ping at an exact time through the batch recorder, as the ping endpoint does. */
export async function pingAt(
  db: DbOrTx,
  token: string,
  at: Date,
  overrides: Partial<Omit<IncomingPing, "token" | "at">> = {},
): Promise<PingOutcome> {
  const [outcome] = await recordPings(db, [
    {
      token,
      kind: "success",
      exitStatus: null,
      rid: null,
      body: null,
      truncated: false,
      sourceIp: "203.0.113.9",
      userAgent: "vitest",
      at,
      ...overrides,
    },
  ]);
  if (!outcome) throw new Error("recordPings returned no outcome");
  return outcome;
}
