import { HEARTBEAT_STATE_LABELS, MONITOR_STATE_LABELS } from "@/server/domain/format/state-label";

export type FlipFacts = { subjectKind: "monitor" | "heartbeat"; from: string; to: string };

const VERBS: Record<string, string> = { running: "is", paused: "was", new: "is", pending: "is" };

function labelOf(kind: FlipFacts["subjectKind"], state: string): string {
  const labels: Record<string, string> =
    kind === "monitor" ? MONITOR_STATE_LABELS : HEARTBEAT_STATE_LABELS;
  return labels[state] ?? state.charAt(0).toUpperCase() + state.slice(1).replace(/_/g, " ");
}

/**
 * A flip in the badges' words, to follow the subject's name: "went Down", "is Running",
 * "was Paused"; `before` names the state it left ("was Up").
 */
export function flipWords(flip: FlipFacts): { change: string; state: string; before: string } {
  const state = labelOf(flip.subjectKind, flip.to);
  return {
    change: `${VERBS[flip.to] ?? "went"} ${state}`,
    state,
    before: `was ${labelOf(flip.subjectKind, flip.from)}`,
  };
}

/** The whole line: "api.example went Down (was Up)". */
export function flipSentence(flip: FlipFacts & { subjectName: string }): string {
  const { change, before } = flipWords(flip);
  return `${flip.subjectName || "A deleted subject"} ${change} (${before})`;
}
