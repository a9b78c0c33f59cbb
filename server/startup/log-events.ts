import type { Logger } from "pino";
import { getEventBus, type EventBus } from "@/server/events/bus";

/**
 * What happened, in the JSON log at `info`: every flip, the incidents flips opened or resolved and
 * every finished alert send. Returns an unsubscribe.
 */
export function logEvents(logger: Logger, bus: EventBus = getEventBus()): () => void {
  const offs = [
    bus.on("flip", (flip) => {
      const subject = {
        workspaceId: flip.workspaceId,
        subjectKind: flip.subjectKind,
        subjectId: flip.subjectId,
      };
      logger.info(
        {
          event: "flip",
          flipId: flip.flipId,
          ...subject,
          from: flip.from,
          to: flip.to,
          at: flip.at,
        },
        `${flip.subjectKind} ${flip.from} → ${flip.to}`,
      );
      if (flip.incident)
        logger.info(
          {
            event: `incident.${flip.incident.change}`,
            incidentId: flip.incident.id,
            flipId: flip.flipId,
            ...subject,
            state: flip.to,
          },
          `incident ${flip.incident.change}`,
        );
    }),
    bus.on("alert.sent", (sent) =>
      logger.info(
        { event: "alert.sent", ...sent },
        sent.status === "delivered" ? "alert delivered" : `alert send failed (${sent.status})`,
      ),
    ),
  ];
  return () => offs.forEach((off) => off());
}
