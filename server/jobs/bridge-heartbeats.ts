import type { Inngest } from "inngest";
import type { Logger } from "pino";
import { getEventBus } from "@/server/events/bus";
import { events } from "@/server/jobs/events";

/**
 * Inngest driver: every committed heartbeat change re-arms its deadline function (the event
 * cancels the previous sleep). A lost event is caught by the minute safety sweep.
 */
export function bridgeHeartbeatsToInngest(inngest: Inngest, logger: Logger): () => void {
  return getEventBus().on("heartbeat.changed", ({ workspaceId, heartbeatId, alarmAt }) => {
    inngest
      .send(
        events.heartbeatPinged.create({
          heartbeatId,
          workspaceId,
          deadline: alarmAt ? alarmAt.toISOString() : null,
        }),
      )
      .catch((err: unknown) =>
        logger.warn({ err, heartbeatId }, "could not send the heartbeat event to Inngest"),
      );
  });
}
