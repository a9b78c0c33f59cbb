import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { heartbeats, monitors } from "@/db/schema";
import type { SubjectKind } from "@/db/schema/flips";
import { notFound } from "@/server/services/errors";

export type SubjectRef = { kind: SubjectKind; id: string };

/**
 * The names of these monitors and heartbeats, all of which must be this workspace's: one that is
 * not (another workspace's, or deleted) is a 404 naming it, as if it did not exist.
 */
export async function findOwnSubjects(
  db: DbOrTx,
  workspaceId: string,
  refs: readonly SubjectRef[],
): Promise<Map<string, string>> {
  const ids = (kind: SubjectKind) => refs.filter((r) => r.kind === kind).map((r) => r.id);
  const [mons, hbs] = await Promise.all([
    ids("monitor").length
      ? db
          .select({ id: monitors.id, name: monitors.name })
          .from(monitors)
          .where(and(eq(monitors.workspaceId, workspaceId), inArray(monitors.id, ids("monitor"))))
      : [],
    ids("heartbeat").length
      ? db
          .select({ id: heartbeats.id, name: heartbeats.name })
          .from(heartbeats)
          .where(
            and(eq(heartbeats.workspaceId, workspaceId), inArray(heartbeats.id, ids("heartbeat"))),
          )
      : [],
  ]);
  const names = new Map([...mons, ...hbs].map((s) => [s.id, s.name]));
  for (const [i, ref] of refs.entries())
    if (!names.has(ref.id)) throw notFound(`subjects[${i}]: no such ${ref.kind} in this workspace`);
  return names;
}
