// Changes that are not flips (a ping's time, a rename) reach cached copies within this delay.
export const SOFT_CHANGE_MS = 5_000;

/** What a node must drop: pages by slug, or every page of a workspace (now, or soon if soft). */
export type PageInvalidation = { slugs: string[] } | { workspaceId: string; soft: boolean };
