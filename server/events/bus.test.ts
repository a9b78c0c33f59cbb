import { afterEach, describe, expect, it, vi } from "vitest";
import { getEventBus } from "@/server/events/bus";

describe("event bus", () => {
  const offs: (() => void)[] = [];
  afterEach(() => {
    offs.splice(0).forEach((off) => off());
    vi.restoreAllMocks();
  });

  it("runs every listener before emit returns and leaves their promises running", () => {
    const bus = getEventBus();
    const seen: string[] = [];
    let finish = () => {};
    offs.push(bus.on("user.sessions-revoked", ({ userId }) => seen.push(`sync ${userId}`)));
    offs.push(
      bus.on("user.sessions-revoked", () => new Promise<void>((resolve) => (finish = resolve))),
    );
    bus.emit("user.sessions-revoked", { userId: "u1" });
    expect(seen).toEqual(["sync u1"]);
    finish();
  });

  it("emitAndWait returns only after the promises listeners returned have settled", async () => {
    const bus = getEventBus();
    let finished = false;
    offs.push(
      bus.on("user.sessions-revoked", async () => {
        await new Promise((r) => setTimeout(r, 50));
        finished = true;
      }),
    );
    await bus.emitAndWait("user.sessions-revoked", { userId: "u2" });
    expect(finished).toBe(true);
  });

  it("never lets a failing listener fail the emitter, sync or async", async () => {
    const bus = getEventBus();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    offs.push(
      bus.on("user.sessions-revoked", () => {
        throw new Error("sync");
      }),
    );
    offs.push(bus.on("user.sessions-revoked", () => Promise.reject(new Error("async"))));
    offs.push(bus.on("user.sessions-revoked", after));
    await expect(bus.emitAndWait("user.sessions-revoked", { userId: "u3" })).resolves.toBe(
      undefined,
    );
    bus.emit("user.sessions-revoked", { userId: "u4" });
    await new Promise((r) => setTimeout(r, 0));
    expect(after).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(4);
  });
});
