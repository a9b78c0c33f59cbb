import { describe, expect, it } from "vitest";
import { previewWindows } from "@/server/domain/maintenance/preview-windows";

const now = new Date("2026-03-25T12:00:00Z");
const none = { startsAt: null, endsAt: null, schedule: null, durationSecs: null, tz: "UTC" };

describe("previewWindows", () => {
  it("lists the next three Sunday 02:00 Berlin windows across the spring DST change", () => {
    const { windows, problem } = previewWindows(
      { ...none, schedule: "0 2 * * 0", durationSecs: 7200, tz: "Europe/Berlin" },
      now,
    );
    expect(problem).toBeNull();
    expect(windows.map((w) => [w.startsAt.toISOString(), w.endsAt.toISOString()])).toEqual([
      // 02:00 does not exist on 29 March; croner fires at 03:00 CEST like cronie.
      ["2026-03-29T01:00:00.000Z", "2026-03-29T03:00:00.000Z"],
      ["2026-04-05T00:00:00.000Z", "2026-04-05T02:00:00.000Z"],
      ["2026-04-12T00:00:00.000Z", "2026-04-12T02:00:00.000Z"],
    ]);
  });

  it("shows a one-off window in progress as the only window", () => {
    const startsAt = new Date("2026-03-25T11:00:00Z");
    const endsAt = new Date("2026-03-25T13:00:00Z");
    expect(previewWindows({ ...none, startsAt, endsAt }, now).windows).toEqual([
      { startsAt, endsAt },
    ]);
  });

  it.each([
    ["a bad cron", { schedule: "every sunday", durationSecs: 3600 }, "schedule"],
    ["a cron that never fires", { schedule: "0 0 30 2 *", durationSecs: 3600 }, "schedule"],
    [
      "an end before the start",
      { startsAt: new Date("2026-03-26T10:00:00Z"), endsAt: new Date("2026-03-26T09:00:00Z") },
      "ends_at",
    ],
    [
      "a window over 7 days",
      { startsAt: new Date("2026-03-26T10:00:00Z"), endsAt: new Date("2026-04-03T10:00:00Z") },
      "ends_at",
    ],
  ])("refuses %s by its field", (_, timing, field) => {
    const { windows, problem } = previewWindows({ ...none, ...timing }, now);
    expect(windows).toEqual([]);
    expect(problem?.field).toBe(field);
  });
});
