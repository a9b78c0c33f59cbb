import type { ComponentStatus } from "@/server/domain/status-pages/page-status";

export const statusPageRoom = (statusPageId: string) => `status-page:${statusPageId}`;

/** What a status page viewer receives when a subject on the page flips. */
export type StatusFlipMessage = {
  statusPageId: string;
  flipId: string;
  subjectKind: "monitor" | "heartbeat";
  subjectId: string;
  status: ComponentStatus;
  state: string;
  at: string;
};
