import type { Config } from "@/server/config";
import type { AlertDeps } from "@/server/services/alerts/deliver-alerts";

/** A receiver that hangs costs at most this per attempt. */
const SEND_TIMEOUT_MS = 10_000;

export const alertDepsFrom = (
  config: Pick<Config, "privateTargets" | "smtp" | "baseUrl">,
): AlertDeps => ({
  privateTargets: config.privateTargets,
  // Only what every workspace may do; a send to a receiver resolves its own workspace's right.
  allowPrivateTargets: config.privateTargets === "all",
  timeoutMs: SEND_TIMEOUT_MS,
  smtp: config.smtp,
  baseUrl: config.baseUrl,
});
