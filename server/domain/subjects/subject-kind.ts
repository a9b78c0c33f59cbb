/** What a flip, an incident impact or an alert is about: an uptime monitor or a heartbeat. */
export const subjectKinds = ["monitor", "heartbeat"] as const;
export type SubjectKind = (typeof subjectKinds)[number];
