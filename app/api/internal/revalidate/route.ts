import { revalidatePath } from "next/cache";
import { timingSafeEqual } from "node:crypto";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Expires Next's ISR copies of status pages at once. revalidatePath works only inside Next, so the
 * custom server calls this over loopback with its per-process token; to anyone else it is a 404.
 */
export async function POST(req: Request): Promise<Response> {
  const token = getRuntime().internalToken;
  const given = req.headers.get("x-vigil-internal") ?? "";
  if (!token || !same(given, token)) return Response.json({ error: "not found" }, { status: 404 });
  const { paths } = (await req.json()) as { paths?: unknown };
  if (!Array.isArray(paths))
    return Response.json({ error: "paths must be a list" }, { status: 400 });
  for (const path of paths)
    if (typeof path === "string" && path.startsWith("/status/")) revalidatePath(path);
  return Response.json({ revalidated: paths.length });
}
