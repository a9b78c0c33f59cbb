import { getRuntime } from "@/server/runtime";
import { systemClock } from "@/server/services/context";
import { checkHealth } from "@/server/services/instance/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const runtime = getRuntime();
  const health = await checkHealth({ ctx: { db: runtime.db, now: systemClock } });
  return Response.json({ ...health, database: runtime.dbKind }, { status: health.ok ? 200 : 503 });
}
