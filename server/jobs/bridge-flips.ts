import type { Inngest } from "inngest";
import type { Logger } from "pino";
import { getEventBus } from "@/server/events/bus";
import { events } from "@/server/jobs/events";

/**
 * Inngest driver: every committed flip becomes a flip event (its alerts are already in the outbox;
 * the event only starts their delivery, and a lost one is caught by the minute sweep).
 */
export function bridgeFlipsToInngest(inngest: Inngest, logger: Logger): () => void {
  return getEventBus().on("flip", (flip) => {
    inngest
      .send(
        events.flipRecorded.create({
          flipId: flip.flipId,
          workspaceId: flip.workspaceId,
          subjectKind: flip.subjectKind,
          subjectId: flip.subjectId,
        }),
      )
      .catch((err: unknown) =>
        logger.warn({ err, flipId: flip.flipId }, "could not send the flip event to Inngest"),
      );
  });
}
