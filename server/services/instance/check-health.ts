import { sql } from "drizzle-orm";
import type { ServiceCtx } from "@/server/services/context";

/**
 * Liveness of the process and its database, for load balancers and `docker HEALTHCHECK`. A database
 * that has not answered within `timeoutMs` is down: the probe answers in time, never hangs.
 */
export async function checkHealth({
  ctx,
  input = {},
}: {
  ctx: ServiceCtx;
  input?: { timeoutMs?: number };
}): Promise<{ ok: boolean; db: "up" | "down" }> {
  const { timeoutMs = 1_000 } = input;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, timeoutMs, "late")));
  try {
    const answer = await Promise.race([ctx.db.execute(sql`select 1`), late]);
    return answer === "late" ? { ok: false, db: "down" } : { ok: true, db: "up" };
  } catch {
    return { ok: false, db: "down" };
  } finally {
    clearTimeout(timer);
  }
}
