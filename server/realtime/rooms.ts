export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;
/** Joined automatically by a signed-in user's sockets; never joinable on request. */
export const userRoom = (userId: string) => `user:${userId}`;

export type RoomRequest = { kind: "workspace"; id: string } | { kind: "unknown" };

export function parseRoom(room: unknown): RoomRequest {
  if (typeof room !== "string" || room.length > 200) return { kind: "unknown" };
  const match = /^workspace:([0-9a-f-]{36})$/i.exec(room);
  return match?.[1] ? { kind: "workspace", id: match[1].toLowerCase() } : { kind: "unknown" };
}
