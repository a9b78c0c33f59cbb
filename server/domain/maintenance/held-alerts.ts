import { alertKindOf, type SubjectKind } from "@/server/domain/alerts/alert-policy";

const isOutage = (kind: SubjectKind, state: string) =>
  alertKindOf(kind, { from: "", to: state }, false) === "down";
const isHealthy = (kind: SubjectKind, state: string) =>
  alertKindOf(kind, { from: "", to: state }, true) === "recovery";

/**
 * Which flip a maintenance window held back goes out when the window ends: the channels learn the
 * subject's state only if it differs from what they were last told. Still in an outage they were
 * not told of → its newest outage flip ("still down after maintenance ended"); healthy again after
 * an outage they were told of (before the window) → its newest recovery; else nothing (an outage
 * that began and ended inside the window, or one already alerted before it).
 */
export function heldFlipToSend<F extends { to: string }>(
  kind: SubjectKind,
  state: string,
  held: readonly F[],
  lastAlertedTo: string | null,
): { flip: F; endsOutage: boolean } | null {
  const toldOutage = lastAlertedTo !== null && isOutage(kind, lastAlertedTo);
  if (isOutage(kind, state) && !toldOutage) {
    const flip = held.findLast((f) => isOutage(kind, f.to));
    return flip ? { flip, endsOutage: false } : null;
  }
  if (isHealthy(kind, state) && toldOutage) {
    const flip = held.findLast((f) => isHealthy(kind, f.to));
    return flip ? { flip, endsOutage: true } : null;
  }
  return null;
}
