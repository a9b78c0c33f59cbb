import { and, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { incidents } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import {
  incidentDetails,
  type IncidentDetails,
} from "@/server/services/incidents/incident-details";

/** The newest incidents of the workspace, open or resolved or both, newest first. */
export async function listIncidents({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { status?: "open" | "resolved"; limit?: number };
}): Promise<IncidentDetails[]> {
  const filters: SQL[] = [eq(incidents.workspaceId, ctx.workspaceId)];
  if (input.status === "open") filters.push(isNull(incidents.resolvedAt));
  if (input.status === "resolved") filters.push(isNotNull(incidents.resolvedAt));
  const rows = await ctx.db
    .select()
    .from(incidents)
    .where(and(...filters))
    .orderBy(desc(incidents.startedAt), desc(incidents.id))
    .limit(Math.min(input.limit ?? 50, 1000));
  return incidentDetails(ctx.db, ctx.workspaceId, rows);
}

/** One incident of the workspace; another workspace's, or a deleted one, is not found. */
export async function getIncident({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { incidentId: string };
}): Promise<IncidentDetails> {
  if (!isUuid(input.incidentId)) throw notFound("incident not found");
  const rows = await ctx.db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, input.incidentId), eq(incidents.workspaceId, ctx.workspaceId)));
  const [details] = await incidentDetails(ctx.db, ctx.workspaceId, rows);
  if (!details) throw notFound("incident not found");
  return details;
}
