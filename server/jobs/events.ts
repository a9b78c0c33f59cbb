import { eventType } from "inngest";
import { z } from "zod";

/** Every event Vigil sends to Inngest, validated on send and typed in each function's handler. */
export const events = {
  monitorCheckDue: eventType("vigil/monitor.check.due", {
    schema: z.object({
      monitorId: z.uuid(),
      workspaceId: z.uuid(),
      leaseToken: z.uuid(),
      dueAt: z.iso.datetime(),
    }),
  }),
  heartbeatPinged: eventType("vigil/heartbeat.pinged", {
    schema: z.object({
      heartbeatId: z.uuid(),
      workspaceId: z.uuid(),
      deadline: z.iso.datetime().nullable(),
    }),
  }),
  flipRecorded: eventType("vigil/flip.recorded", {
    schema: z.object({
      flipId: z.uuid(),
      workspaceId: z.uuid(),
      subjectKind: z.enum(["monitor", "heartbeat"]),
      subjectId: z.uuid(),
    }),
  }),
} as const;
