import { describe, expect, it } from "vitest";
import {
  decodeDayIncidents,
  decodeDays,
  encodeDayIncidents,
  encodeDays,
} from "@/server/domain/status-pages/page-view";

describe("encodeDays", () => {
  it("round-trips full, empty and partial days in one short string", () => {
    const days = [null, 10_000, 9_999, 0, 5_000, 10_000, null];
    const encoded = encodeDays(days);
    expect(encoded).toBe(".+~7pr~000~3uw+.");
    expect(decodeDays(encoded)).toEqual(days);
  });
});

describe("encodeDayIncidents", () => {
  it("round-trips sparse day counts, and no incidents as an empty string", () => {
    const pairs: [number, number][] = [
      [0, 1],
      [42, 17],
      [89, 1_000],
    ];
    expect(encodeDayIncidents(pairs)).toBe("0:1,42:17,89:1000");
    expect(decodeDayIncidents("0:1,42:17,89:1000")).toEqual(pairs);
    expect(encodeDayIncidents([])).toBe("");
    expect(decodeDayIncidents("")).toEqual([]);
  });
});
