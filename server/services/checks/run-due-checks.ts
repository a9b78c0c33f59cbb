import type { Monitor } from "@/db/schema";
import type { ServiceCtx } from "@/server/services/context";
import { runHttpCheck } from "@/server/checks/http/run-http-check";
import { mayTargetPrivate, type PrivateTargetPolicy } from "@/server/domain/instance/access-policy";
import { claimDueMonitors } from "@/server/services/checks/claim-due-monitors";
import {
  recordCheckResult,
  type RecordOutcome,
} from "@/server/services/checks/record-check-result";

export type CheckRunOptions = { privateTargets: PrivateTargetPolicy };

/** Runs one leased monitor's HTTP check, as far as its workspace may reach, and records it. */
export async function checkLeasedMonitor({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: {
    monitor: Monitor & { leaseToken: string; privateTargetsGranted: boolean };
    options: CheckRunOptions;
    scheduling?: "self" | "planned";
  };
}): Promise<RecordOutcome> {
  const { monitor, options, scheduling = "self" } = input;
  const result = await runHttpCheck(monitor, {
    allowPrivateTargets: mayTargetPrivate(options.privateTargets, monitor.privateTargetsGranted),
  });
  return recordCheckResult({ ctx, monitor, leaseToken: monitor.leaseToken, result, scheduling });
}

async function inPool<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Claims the monitors due at `now` (safe on several nodes at once) and checks them with at most
 * `concurrency` in flight. Returns how many were checked and recorded.
 */
export async function runDueChecks({
  ctx,
  now,
  options,
  batch = 500,
  concurrency = 100,
  onError,
}: {
  ctx: ServiceCtx;
  now: Date;
  options: CheckRunOptions;
  batch?: number;
  concurrency?: number;
  onError?: (monitorId: string, err: unknown) => void;
}): Promise<{ claimed: number; recorded: number }> {
  const claimed = await claimDueMonitors(ctx.db, now, batch);
  let recorded = 0;
  await inPool(claimed, concurrency, async (monitor) => {
    try {
      if ((await checkLeasedMonitor({ ctx, input: { monitor, options } })).recorded) recorded++;
    } catch (err) {
      onError?.(monitor.id, err);
    }
  });
  return { claimed: claimed.length, recorded };
}

/** Checks one monitor now if it is due and not held by another node. */
export async function runCheck({
  ctx,
  monitorId,
  options,
}: {
  ctx: ServiceCtx;
  monitorId: string;
  options: CheckRunOptions;
}): Promise<RecordOutcome | null> {
  const [monitor] = await claimDueMonitors(ctx.db, ctx.now(), 1, monitorId);
  return monitor ? checkLeasedMonitor({ ctx, input: { monitor, options } }) : null;
}
