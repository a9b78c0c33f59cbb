import type { Tx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { assertChannelsOf, setSubjectChannels } from "@/server/services/alerts/subject-channels";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import { DEFAULT_QUOTAS, type QuotaKind } from "@/server/domain/workspaces/quotas";

/**
 * Inserts a monitor, heartbeat or the next kind of subject in one transaction with the quota
 * check (the instance's default limits when the context has no policy) and the channels it
 * alerts (unset: the workspace's default channels).
 */
export async function insertSubject<R extends { id: string }>({
  ctx,
  kind,
  quota,
  channelIds,
  insert,
}: {
  ctx: WorkspaceCtx;
  kind: "monitor" | "heartbeat";
  quota: QuotaKind;
  channelIds: string[] | undefined;
  insert: (tx: Tx) => Promise<R[]>;
}): Promise<R> {
  if (channelIds) await assertChannelsOf(ctx.db, ctx.workspaceId, channelIds);
  return ctx.db.transaction(async (tx) => {
    await assertWithinQuota(tx, ctx.workspaceId, quota, ctx.policy?.quotas ?? DEFAULT_QUOTAS);
    const [row] = await insert(tx);
    if (!row) throw new Error(`${kind} insert returned no row`);
    await setSubjectChannels(tx, { kind, id: row.id, workspaceId: ctx.workspaceId }, channelIds);
    return row;
  });
}
