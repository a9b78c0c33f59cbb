import { describe, expect, it } from "vitest";
import { heldFlipToSend } from "@/server/domain/maintenance/held-alerts";

const f = (id: string, to: string) => ({ id, to });

describe("what goes out when a maintenance window ends", () => {
  it.each([
    ["went down inside, still down: its alert", "monitor", "down", [f("a", "down")], "up", "a"],
    [
      "went down inside, never alerted before: its alert",
      "monitor",
      "down",
      [f("a", "down")],
      null,
      "a",
    ],
    [
      "went down and recovered inside: nothing",
      "monitor",
      "up",
      [f("a", "down"), f("b", "up")],
      "up",
      null,
    ],
    ["down before the window (alerted), still down: nothing", "monitor", "down", [], "down", null],
    [
      "down before (alerted), flapped inside, still down: nothing",
      "monitor",
      "down",
      [f("a", "up"), f("b", "down")],
      "down",
      null,
    ],
    [
      "down before (alerted), recovered inside: the recovery",
      "monitor",
      "up",
      [f("a", "up")],
      "down",
      "a",
    ],
    [
      "flapped inside, down at the end: the newest outage flip",
      "monitor",
      "down",
      [f("a", "down"), f("b", "up"), f("c", "down")],
      "up",
      "c",
    ],
    [
      "a heartbeat missing at the end: its alert",
      "heartbeat",
      "missing",
      [f("a", "late"), f("b", "missing")],
      "up",
      "b",
    ],
    [
      "a heartbeat failed then missing: the newest",
      "heartbeat",
      "missing",
      [f("a", "failed"), f("b", "missing")],
      null,
      "b",
    ],
    ["a heartbeat only late: nothing", "heartbeat", "late", [f("a", "late")], "up", null],
    ["paused at the end: nothing", "monitor", "paused", [f("a", "down")], "up", null],
  ] as const)("%s", (_name, kind, state, held, lastAlertedTo, expected) => {
    expect(heldFlipToSend(kind, state, held, lastAlertedTo)?.flip.id ?? null).toBe(expected);
  });

  it("sends a recovery as the end of an outage", () => {
    expect(heldFlipToSend("monitor", "up", [f("a", "up")], "down")?.endsOutage).toBe(true);
  });
});
