import type { AlertPayload, Channel } from "@/db/schema";
import type { DeliveryDeps } from "@/server/alerts/channel-kind";
import { channelStrategies } from "@/server/alerts/channel-kinds";

/** Sends one payload; resolves to null when delivered, else to the error as the receiver gave it. */
export async function sendWithDeadline(
  channel: Channel,
  payload: AlertPayload,
  deps: DeliveryDeps,
): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  // At the deadline the send is aborted too (an SMTP session is closed), not left running.
  const controller = new AbortController();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${deps.timeoutMs + 2000} ms`));
    }, deps.timeoutMs + 2000);
  });
  try {
    await Promise.race([
      channelStrategies[channel.kind].send(payload, channel, deps, controller.signal),
      deadline,
    ]);
    return null;
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).slice(0, 500) || "failed";
  } finally {
    clearTimeout(timer);
  }
}
