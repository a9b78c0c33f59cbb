import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/auth-options";
import { guardCredentialsSignIn } from "@/server/auth/guard-sign-in";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  const refused = await guardCredentialsSignIn(req, nextauth ?? []);
  if (refused) return refused;
  return NextAuth(req as never, context as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
