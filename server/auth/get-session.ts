import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";

/** `sessionId` names the user_sessions row of the browser's sign-in ("this session"). */
export type SessionUser = { id: string; email: string; name: string | null; sessionId?: string };

/** The signed-in user of the current Next request, or null. */
export async function getSessionUserFromRequest(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id) return null;
  return {
    id: user.id,
    email: user.email ?? "",
    name: user.name ?? null,
    sessionId: user.sessionId,
  };
}
