import { desc, eq } from "drizzle-orm";
import { flips, incidents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

/** A subject's latest 50 flips and 50 incidents, newest first, for its dashboard page. */
export async function listSubjectChanges(
  db: DbOrTx,
  subject: { kind: "monitor" | "heartbeat"; id: string },
) {
  const [flipColumn, incidentColumn] =
    subject.kind === "monitor"
      ? [flips.monitorId, incidents.monitorId]
      : [flips.heartbeatId, incidents.heartbeatId];
  const [flipRows, incidentRows] = await Promise.all([
    db
      .select()
      .from(flips)
      .where(eq(flipColumn, subject.id))
      .orderBy(desc(flips.at), desc(flips.seq))
      .limit(50),
    db
      .select()
      .from(incidents)
      .where(eq(incidentColumn, subject.id))
      .orderBy(desc(incidents.startedAt))
      .limit(50),
  ]);
  return { flips: flipRows, incidents: incidentRows };
}
