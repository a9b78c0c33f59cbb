import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatInterval,
  formatMs,
  formatRelative,
} from "@/server/domain/format/duration";
import { formatBasisPoints, formatUptime } from "@/server/domain/format/percent";
import { formatDate, formatDateTime, formatTime } from "@/server/domain/format/date-time";
import { uptimeWindowText } from "@/server/domain/format/uptime-window";

// Intl writes a narrow no-break space before AM/PM and a no-break space before "%" in de-DE.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [499, "0 s"],
    [3_000, "3 s"],
    [59_499, "59 s"],
    [59_500, "1 min"],
    [240_000, "4 min"],
    [200_000, "3 min 20 s"],
    [1_500_000, "25 min"],
    [7_500_000, "2 h 5 min"],
    [7_200_000, "2 h"],
    [3 * 86_400_000, "3 d"],
    [86_400_000 * 2 + 3_600_000, "2 d 1 h"],
    [-90_000, "1 min 30 s"],
  ])("%d ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("formatMs, formatInterval, formatRelative", () => {
  it.each([
    [null, "—"],
    [850, "850 ms"],
    [1250, "1.25 s"],
  ])("%s ms of response time reads %s", (ms, text) => expect(formatMs(ms)).toBe(text));

  it.each([
    [30, "30 s"],
    [90, "90 s"],
    [300, "5 min"],
    [7200, "2 h"],
    [172_800, "2 d"],
  ])("an interval of %d s reads %s", (secs, text) => expect(formatInterval(secs)).toBe(text));

  const now = Date.parse("2026-12-06T20:22:33Z");
  it.each([
    ["2026-12-06T20:22:30Z", "just now"],
    ["2026-12-06T20:18:33Z", "4 min ago"],
    ["2026-12-06T22:27:33Z", "in 2 h 5 min"],
  ])("%s reads %s", (at, text) => expect(formatRelative(at, now)).toBe(text));
});

describe("formatUptime", () => {
  it.each([
    [null, "en-US", "—"],
    [1, "en-US", "100%"],
    [0.99995, "en-US", "99.99%"],
    [0.999999999, "en-US", "99.99%"],
    [1 - 1e-12, "en-US", "99.99%"],
    [1 - 0.0005, "en-US", "99.95%"],
    [0.9995, "de-DE", "99,95 %"],
    [0.995, "en-US", "99.5%"],
    [0.86, "en-US", "86%"],
    [0, "en-US", "0%"],
    [0.99995, "de-DE", "99,99 %"],
  ])("%s in %s reads %s", (ratio, locale, text) =>
    expect(plain(formatUptime(ratio, locale))).toBe(text),
  );

  it("never reads 100% for a day with downtime", () => {
    expect(formatBasisPoints(9_999)).toBe("99.99%");
    expect(formatBasisPoints(10_000)).toBe("100%");
    expect(formatBasisPoints(null)).toBe("No data");
  });
});

describe("formatDateTime", () => {
  const at = "2026-12-06T20:22:33Z";
  it.each([
    ["en-US", "UTC", "Dec 6, 2026, 8:22 PM UTC"],
    ["de-DE", "UTC", "6. Dez. 2026, 20:22 UTC"],
    ["en-US", "America/New_York", "Dec 6, 2026, 3:22 PM EST"],
    ["de-DE", "Europe/Berlin", "6. Dez. 2026, 21:22 MEZ"],
  ])("%s in %s reads %s", (locale, timeZone, text) =>
    expect(plain(formatDateTime(at, { locale, timeZone }))).toBe(text),
  );

  it.each([
    ["2026-03-29T00:30:00Z", "Mar 29, 2026, 1:30 AM GMT+1", "before the spring change"],
    ["2026-03-29T01:30:00Z", "Mar 29, 2026, 3:30 AM GMT+2", "after the spring change"],
    ["2026-10-25T00:30:00Z", "Oct 25, 2026, 2:30 AM GMT+2", "the first 02:30 in autumn"],
    ["2026-10-25T01:30:00Z", "Oct 25, 2026, 2:30 AM GMT+1", "the second 02:30 in autumn"],
  ])("Berlin %s reads %s (%s)", (iso, text) =>
    expect(plain(formatDateTime(iso, { locale: "en-US", timeZone: "Europe/Berlin" }))).toBe(text),
  );

  it("names the seconds when asked, and the day and time alone", () => {
    expect(plain(formatDateTime(at, undefined, { seconds: true }))).toBe(
      "Dec 6, 2026, 8:22:33 PM UTC",
    );
    expect(formatDate(at, { locale: "de-DE", timeZone: "Pacific/Kiritimati" })).toBe(
      "7. Dez. 2026",
    );
    expect(plain(formatTime(at, { locale: "de-DE", timeZone: "UTC" }))).toBe("20:22 UTC");
  });
});

describe("uptimeWindowText", () => {
  const now = Date.parse("2026-12-06T20:00:00Z");
  const ago = (ms: number) => new Date(now - ms);
  it.each([
    [30 * 86_400_000, ago(8 * 60_000), "since created, 8 min"],
    [30 * 86_400_000, ago(3 * 86_400_000), "since created, 3 d"],
    [30 * 86_400_000, ago(31 * 86_400_000), "30 days"],
    [30 * 86_400_000, null, "30 days"],
    [86_400_000, ago(86_400_000), "24 hours"],
    [86_400_000, ago(7_500_000), "since created, 2 h 5 min"],
  ])("a %d ms window of a subject created %s reads %s", (windowMs, createdAt, text) =>
    expect(uptimeWindowText(windowMs, createdAt, now)).toBe(text),
  );
});
