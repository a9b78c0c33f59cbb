import { describe, expect, it } from "vitest";
import { flipSentence, flipWords } from "@/server/domain/overview/flip-words";
import { stateLabel } from "@/server/domain/format/state-label";

describe("flip words", () => {
  it.each([
    ["monitor", "up", "down", "went Down", "was Up"],
    ["monitor", "down", "up", "went Up", "was Down"],
    ["monitor", "up", "degraded", "went Degraded", "was Up"],
    ["monitor", "pending", "up", "went Up", "was Pending"],
    ["monitor", "up", "paused", "was Paused", "was Up"],
    ["heartbeat", "late", "missing", "went Missing", "was Late"],
    ["heartbeat", "up", "late", "went Late", "was Up"],
    ["heartbeat", "running", "failed", "went Failed", "was Running"],
    ["heartbeat", "up", "running", "is Running", "was Up"],
    ["heartbeat", "new", "up", "went Up", "was Waiting for first ping"],
    ["monitor", "up", "under_maintenance", "went Under maintenance", "was Up"],
  ] as const)("a %s from %s to %s reads %s (%s)", (subjectKind, from, to, change, before) => {
    expect(flipWords({ subjectKind, from, to })).toMatchObject({ change, before });
  });

  it("names the subject, or a deleted one, and never the raw state", () => {
    const line = flipSentence({
      subjectKind: "monitor",
      subjectName: "api.example",
      from: "up",
      to: "down",
    });
    expect(line).toBe("api.example went Down (was Up)");
    expect(line).not.toMatch(/→|\bdown\b/);
    expect(
      flipSentence({ subjectKind: "heartbeat", subjectName: "", from: "late", to: "missing" }),
    ).toBe("A deleted subject went Missing (was Late)");
  });

  it("uses the badges' words for each state", () => {
    expect(stateLabel({ kind: "monitor", state: "down" })).toBe("Down");
    expect(stateLabel({ kind: "heartbeat", state: "missing" })).toBe("Missing");
    expect(stateLabel({ kind: "heartbeat", state: "new" })).toBe("Waiting for first ping");
  });
});
