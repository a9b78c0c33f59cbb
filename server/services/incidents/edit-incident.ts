import { and, eq } from "drizzle-orm";
import { incidentUpdates, incidents } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { conflict, notFound } from "@/server/services/errors";
import { isUuid } from "@/server/services/ids";
import { parseInput } from "@/server/services/parse-input";
import { editUpdateInput, postmortemInput } from "@/server/services/incidents/incident-input";
import type { IncidentUpdateDetails } from "@/server/services/incidents/incident-details";
import { lockIncident } from "@/server/services/incidents/post-incident-update";
import { pageContentChanged } from "@/server/services/incidents/page-content";

type UpdateRef = { incidentId: string; updateId: string };

const ofIncident = (ctx: WorkspaceCtx, ref: UpdateRef) =>
  and(
    eq(incidentUpdates.id, ref.updateId),
    eq(incidentUpdates.incidentId, ref.incidentId),
    eq(incidentUpdates.workspaceId, ctx.workspaceId),
  );

/** Rewrites an update's message; the page marks it edited. */
export async function editIncidentUpdate({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: UpdateRef & { body: string };
}): Promise<IncidentUpdateDetails> {
  const { body } = parseInput(editUpdateInput, { body: input.body });
  if (!isUuid(input.updateId) || !isUuid(input.incidentId)) throw notFound("update not found");
  const [row] = await ctx.db
    .update(incidentUpdates)
    .set({ body, editedAt: ctx.now() })
    .where(ofIncident(ctx, input))
    .returning();
  if (!row) throw notFound("update not found");
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "incident", id: input.incidentId });
  return {
    id: row.id,
    status: row.status,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

/** Removes an update; the incident keeps its status. */
export async function deleteIncidentUpdate({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: UpdateRef;
}): Promise<void> {
  if (!isUuid(input.updateId) || !isUuid(input.incidentId)) throw notFound("update not found");
  const gone = await ctx.db
    .delete(incidentUpdates)
    .where(ofIncident(ctx, input))
    .returning({ id: incidentUpdates.id });
  if (gone.length === 0) throw notFound("update not found");
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "incident", id: input.incidentId });
}

/** The postmortem of a resolved incident; empty removes it. */
export async function setIncidentPostmortem({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { incidentId: string; postmortem: string };
}): Promise<void> {
  const { postmortem } = parseInput(postmortemInput, { postmortem: input.postmortem });
  await ctx.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, ctx.workspaceId, input.incidentId);
    if (incident.resolvedAt === null)
      throw conflict("A postmortem is written once the incident is resolved.", "postmortem");
    await tx
      .update(incidents)
      .set({ postmortem: postmortem === "" ? null : postmortem })
      .where(eq(incidents.id, incident.id));
  });
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "incident", id: input.incidentId });
}

/** Deletes a manual incident and its updates; the checks' own incidents stay in the history. */
export async function deleteIncident({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: { incidentId: string };
}): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const incident = await lockIncident(tx, ctx.workspaceId, input.incidentId);
    if (incident.automatic)
      throw conflict("Incidents the checks opened stay in the history; post an update instead.");
    await tx.delete(incidents).where(eq(incidents.id, incident.id));
  });
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "incident", id: input.incidentId });
}
