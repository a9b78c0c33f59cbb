import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentUpdates, incidents, type Incident } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { conflict, notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import { parseInput } from "@/server/services/parse-input";
import { postUpdateInput, type PostUpdateInput } from "@/server/services/incidents/incident-input";
import type { IncidentUpdateDetails } from "@/server/services/incidents/incident-details";
import { pageContentChanged } from "@/server/services/incidents/page-content";

const STILL_DOWN =
  "This incident cannot be resolved while its checks still fail: it resolves by itself when they pass. Post “monitoring” meanwhile.";

/** The incident of the workspace, locked for this transaction (flips resolve it under the same lock). */
export async function lockIncident(
  tx: Tx,
  workspaceId: string,
  incidentId: string,
): Promise<Incident> {
  if (!isUuid(incidentId)) throw notFound("incident not found");
  const [row] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.workspaceId, workspaceId)))
    .for("update");
  if (!row) throw notFound("incident not found");
  return row;
}

/**
 * A person's word on an incident: its status now and a message. `resolved` closes a manual
 * incident (another status reopens it); an automatic one is resolved by its checks only, so
 * `resolved` while they still fail is a conflict.
 */
export async function postIncidentUpdate({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { incidentId: string } & PostUpdateInput;
}): Promise<IncidentUpdateDetails> {
  const parsed = parseInput(postUpdateInput, { status: input.status, body: input.body });
  const now = ctx.now();
  const update = await ctx.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, ctx.workspaceId, input.incidentId);
    if (incident.automatic && parsed.status === "resolved" && incident.resolvedAt === null)
      throw conflict(STILL_DOWN, "status");
    const [row] = await tx
      .insert(incidentUpdates)
      .values({
        incidentId: incident.id,
        workspaceId: ctx.workspaceId,
        status: parsed.status,
        body: parsed.body,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("update insert returned no row");
    await tx
      .update(incidents)
      .set(statusChange(incident, parsed.status, now))
      .where(eq(incidents.id, incident.id));
    return row;
  });
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "incident", id: input.incidentId });
  return {
    id: update.id,
    status: update.status,
    body: update.body,
    createdAt: update.createdAt,
    editedAt: update.editedAt,
  };
}

function statusChange(incident: Incident, status: Incident["status"], now: Date) {
  // The checks closed it: the machine's word stays, the person's message is added below it.
  if (incident.automatic && incident.resolvedAt !== null) return { status: "resolved" as const };
  if (incident.automatic) return { status };
  if (status === "resolved") return { status, resolvedAt: incident.resolvedAt ?? now };
  return { status, resolvedAt: null };
}
