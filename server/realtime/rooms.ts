export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;
/** Joined automatically by a signed-in user's sockets; never joinable on request. */
export const userRoom = (userId: string) => `user:${userId}`;
/** Joined by every socket of one sign-in; ending the session disconnects the room. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

export type RoomRequest =
  { kind: "workspace"; id: string } | { kind: "status-page"; id: string } | { kind: "unknown" };

export function parseRoom(room: unknown): RoomRequest {
  if (typeof room !== "string" || room.length > 200) return { kind: "unknown" };
  const match = /^(workspace|status-page):([0-9a-f-]{36})$/i.exec(room);
  if (!match?.[1] || !match[2]) return { kind: "unknown" };
  return { kind: match[1] as "workspace" | "status-page", id: match[2].toLowerCase() };
}
