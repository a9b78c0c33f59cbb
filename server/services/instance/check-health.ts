import { sql } from "drizzle-orm";
import type { ServiceCtx } from "@/server/services/context";

/** Liveness of the process and its database, for load balancers and `docker HEALTHCHECK`. */
export async function checkHealth({
  ctx,
}: {
  ctx: ServiceCtx;
}): Promise<{ ok: boolean; db: "up" | "down" }> {
  try {
    await ctx.db.execute(sql`select 1`);
    return { ok: true, db: "up" };
  } catch {
    return { ok: false, db: "down" };
  }
}
