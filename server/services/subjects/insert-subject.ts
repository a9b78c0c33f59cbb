import type { Tx } from "@/db/client";
import type { WorkspaceCtx } from "@/server/services/context";
import { assertChannelsOf, setSubjectChannels } from "@/server/services/alerts/subject-channels";
import { assertWithinQuota } from "@/server/services/workspaces/assert-within-quota";
import { DEFAULT_QUOTAS, type QuotaKind } from "@/server/domain/workspaces/quotas";
import { placeNewSubject } from "@/server/services/status-pages/place-new-subject";

/**
 * Inserts a monitor, heartbeat or the next kind of subject in one transaction with the quota
 * check (the instance's default limits when the context has no policy), the channels it
 * alerts (unset: the workspace's default channels) and the status pages it shows on (unset: the
 * pages that add new subjects automatically).
 */
export async function insertSubject<R extends { id: string }>({
  ctx,
  kind,
  quota,
  channelIds,
  statusPageIds,
  insert,
}: {
  ctx: WorkspaceCtx;
  kind: "monitor" | "heartbeat";
  quota: QuotaKind;
  channelIds: string[] | undefined;
  statusPageIds: string[] | undefined;
  insert: (tx: Tx) => Promise<R[]>;
}): Promise<R> {
  if (channelIds) await assertChannelsOf(ctx.db, ctx.workspaceId, channelIds);
  return ctx.db.transaction(async (tx) => {
    await assertWithinQuota(tx, ctx.workspaceId, quota, ctx.policy?.quotas ?? DEFAULT_QUOTAS);
    const [row] = await insert(tx);
    if (!row) throw new Error(`${kind} insert returned no row`);
    await setSubjectChannels(tx, { kind, id: row.id, workspaceId: ctx.workspaceId }, channelIds);
    await placeNewSubject(tx, { workspaceId: ctx.workspaceId, kind, id: row.id, statusPageIds });
    return row;
  });
}
