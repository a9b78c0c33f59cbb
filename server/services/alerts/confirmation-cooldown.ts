/** One confirmation mail per address per this long, whatever channel or workspace asks. */
const CONFIRMATION_COOLDOWN_MS = 5 * 60_000;

// Removing and re-adding an address, or deleting and re-creating a channel, must not turn the
// confirmation mail into a way to flood someone. Kept on globalThis: the custom server and Next's
// route bundles are separate module graphs. Per process, like the test-send limiter.
const KEY = Symbol.for("vigil.confirmation-cooldown");
type Holder = { [KEY]?: Map<string, number> };

/** Takes the address's mail slot at `now`; false while one was taken in the last few minutes. */
export function takeConfirmationSlot(address: string, now: Date): boolean {
  const holder = globalThis as Holder;
  const sent = (holder[KEY] ??= new Map());
  const key = address.toLowerCase();
  const last = sent.get(key);
  if (last !== undefined && now.getTime() - last < CONFIRMATION_COOLDOWN_MS) return false;
  if (sent.size >= 10_000)
    for (const [k, at] of sent) if (now.getTime() - at >= CONFIRMATION_COOLDOWN_MS) sent.delete(k);
  sent.set(key, now.getTime());
  return true;
}

/** Gives the slot back when the mail did not go out: nobody was mailed. */
export function releaseConfirmationSlot(address: string): void {
  (globalThis as Holder)[KEY]?.delete(address.toLowerCase());
}
