/** The outcome of one uptime check, as stored and shown in the check history. */
export const checkStatuses = ["up", "down", "timeout"] as const;
