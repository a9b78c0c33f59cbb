import type { Tx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { assertChannelsOf, setSubjectChannels } from "@/server/services/alerts/subject-channels";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import type { QuotaKind, QuotaLimits } from "@/server/domain/workspaces/quotas";

/**
 * Inserts a monitor, heartbeat or the next kind of subject in one transaction with the quota
 * check and the channels it alerts (unset: the workspace's default channels).
 */
export async function insertSubject<R extends { id: string }>({
  ctx,
  kind,
  quota,
  quotas,
  channelIds,
  insert,
}: {
  ctx: WorkspaceCtx;
  kind: "monitor" | "heartbeat";
  quota: QuotaKind;
  quotas: QuotaLimits;
  channelIds: string[] | undefined;
  insert: (tx: Tx) => Promise<R[]>;
}): Promise<R> {
  if (channelIds) await assertChannelsOf(ctx.db, ctx.workspaceId, channelIds);
  return ctx.db.transaction(async (tx) => {
    await assertWithinQuota(tx, ctx.workspaceId, quota, quotas);
    const [row] = await insert(tx);
    if (!row) throw new Error(`${kind} insert returned no row`);
    await setSubjectChannels(tx, { kind, id: row.id, workspaceId: ctx.workspaceId }, channelIds);
    return row;
  });
}
