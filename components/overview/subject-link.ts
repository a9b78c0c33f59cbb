/** The dashboard page of a monitor or heartbeat. */
export const subjectHref = (kind: "monitor" | "heartbeat", id: string) =>
  kind === "monitor" ? `/dashboard/monitors/${id}` : `/dashboard/heartbeats/${id}`;
