import { incidentSubjects, incidentUpdates, incidents } from "@/db/schema";
import type { WorkspaceCtx } from "@/server/services/context";
import { parseInput } from "@/server/services/parse-input";
import { badInput } from "@/server/services/errors";
import { findOwnSubjects } from "@/server/services/subjects/find-own-subjects";
import {
  createIncidentInput,
  type CreateIncidentInput,
} from "@/server/services/incidents/incident-input";
import { getIncident } from "@/server/services/incidents/list-incidents";
import type { IncidentDetails } from "@/server/services/incidents/incident-details";
import { pageContentChanged } from "@/server/services/incidents/page-content";

/**
 * Opens an incident a person saw (no check did): its title, first update and the subjects it
 * affects, each with the impact the page shows (only ever worse than the checks say).
 */
export async function createIncident({
  ctx,
  input,
}: {
  ctx: WorkspaceCtx;
  input: CreateIncidentInput;
}): Promise<IncidentDetails> {
  const parsed = parseInput(createIncidentInput, input);
  const seen = new Set<string>();
  for (const s of parsed.subjects) {
    if (seen.has(s.id)) throw badInput("subjects", `subjects: ${s.kind} ${s.id} is named twice`);
    seen.add(s.id);
  }
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    await findOwnSubjects(tx, ctx.workspaceId, parsed.subjects);
    const [row] = await tx
      .insert(incidents)
      .values({
        workspaceId: ctx.workspaceId,
        automatic: false,
        title: parsed.title,
        status: parsed.status,
        impact: parsed.impact,
        startedAt: now,
        resolvedAt: parsed.status === "resolved" ? now : null,
      })
      .returning({ id: incidents.id });
    if (!row) throw new Error("incident insert returned no row");
    if (parsed.subjects.length)
      await tx.insert(incidentSubjects).values(
        parsed.subjects.map((s) => ({
          incidentId: row.id,
          workspaceId: ctx.workspaceId,
          subjectKind: s.kind,
          monitorId: s.kind === "monitor" ? s.id : null,
          heartbeatId: s.kind === "heartbeat" ? s.id : null,
          impact: s.impact,
        })),
      );
    await tx.insert(incidentUpdates).values({
      incidentId: row.id,
      workspaceId: ctx.workspaceId,
      status: parsed.status,
      body: parsed.body,
      createdAt: now,
    });
    return row.id;
  });
  pageContentChanged({ workspaceId: ctx.workspaceId, kind: "incident", id });
  return getIncident({ ctx, input: { incidentId: id } });
}
