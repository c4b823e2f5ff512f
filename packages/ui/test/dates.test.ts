import { describe, expect, it } from "vitest";
import { calendarDay, formatCalendarDate, formatDateTime, formatRelative } from "../src/dates";
import { encodeFlash, parseFlash } from "../src/flash";

describe("formatDateTime", () => {
  it("writes one format, in the zone asked for: east and west of UTC", () => {
    const at = "2026-12-02T14:05:00Z";
    expect(formatDateTime(at, "UTC")).toBe("2 Dec 2026, 14:05");
    expect(formatDateTime(at, "Asia/Kolkata")).toBe("2 Dec 2026, 19:35");
    expect(formatDateTime(at, "America/Los_Angeles")).toBe("2 Dec 2026, 06:05");
    // East of the date line the day is already the next one; far west it is still the day before.
    expect(formatDateTime("2026-12-02T23:30:00Z", "Pacific/Auckland")).toBe("3 Dec 2026, 12:30");
    expect(formatDateTime("2026-12-02T03:00:00Z", "Pacific/Honolulu")).toBe("1 Dec 2026, 17:00");
  });

  it("follows the clock changes (DST) of the zone", () => {
    // London springs forward at 01:00 UTC on 29 March 2026: 00:30 GMT, then 02:30 BST.
    expect(formatDateTime("2026-03-29T00:30:00Z", "Europe/London")).toBe("29 Mar 2026, 00:30");
    expect(formatDateTime("2026-03-29T01:30:00Z", "Europe/London")).toBe("29 Mar 2026, 02:30");
    // New York falls back at 06:00 UTC on 1 November 2026: 01:30 happens twice.
    expect(formatDateTime("2026-11-01T05:30:00Z", "America/New_York", { zoneName: true })).toBe(
      "1 Nov 2026, 01:30 GMT-4",
    );
    expect(formatDateTime("2026-11-01T06:30:00Z", "America/New_York", { zoneName: true })).toBe(
      "1 Nov 2026, 01:30 GMT-5",
    );
  });

  it("says nothing was there, and survives a zone it does not know", () => {
    expect(formatDateTime(null, "UTC")).toBe("—");
    expect(formatDateTime("not a date", "UTC")).toBe("—");
    expect(formatDateTime("2026-12-02T14:05:00Z", "Mars/Olympus")).toBe("2 Dec 2026, 14:05 UTC");
  });

  it("names the day a moment falls on in the zone", () => {
    expect(calendarDay("2026-12-02T23:30:00Z", "UTC")).toBe("2026-12-02");
    expect(calendarDay("2026-12-02T23:30:00Z", "Asia/Tokyo")).toBe("2026-12-03");
    expect(calendarDay("2026-12-02T03:00:00Z", "America/Chicago")).toBe("2026-12-01");
  });

  it("writes a calendar date the same in every zone", () => {
    expect(formatCalendarDate("2026-12-07")).toBe("7 Dec 2026");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-12-02T12:00:00Z");
  const at = (ms: number) => new Date(now + ms).toISOString();
  const H = 3_600_000;
  it.each([
    [at(-20_000), "just now"],
    [at(-3 * 60_000), "3 min ago"],
    [at(-3 * H), "3 h ago"],
    [at(-30 * H), "yesterday"],
    [at(-3 * 24 * H), "3 days ago"],
    [at(2 * H), "in 2 h"],
    [at(25 * H), "tomorrow"],
    [at(2 * 24 * H), "in 2 days"],
    [at(-10 * 24 * H), "22 Nov 2026, 12:00"],
    [null, "never"],
  ])("%s → %s", (iso, expected) => {
    expect(formatRelative(iso, { now })).toBe(expected);
  });

  it("counts days by the calendar of the zone", () => {
    // 20 h before noon UTC is 16:00 the day before in UTC, but the same day in Auckland (+13).
    expect(formatRelative(at(-20 * H), { now, timeZone: "UTC" })).toBe("20 h ago");
    // 30 h before: yesterday in UTC; in Auckland (+13) it is 19:00 on the 1st seen from 01:00 on the 3rd.
    expect(formatRelative(at(-30 * H), { now, timeZone: "UTC" })).toBe("yesterday");
    expect(formatRelative(at(-30 * H), { now, timeZone: "Pacific/Auckland" })).toBe("2 days ago");
    // 47 h before 23:30 UTC on 2 Dec: 00:30 on 1 Dec in UTC (yesterday), 1 Dec 13:30 vs 3 Dec 12:30 in Auckland.
    const late = Date.parse("2026-12-02T23:30:00Z");
    expect(formatRelative(new Date(late - 47 * H), { now: late, timeZone: "UTC" })).toBe("yesterday");
    expect(formatRelative(new Date(late - 47 * H), { now: late, timeZone: "Pacific/Auckland" })).toBe("2 days ago");
    // Over the spring clock change, noon on the 28th to noon on the 30th is 47 h and two days.
    const noonAfterSpring = Date.parse("2026-03-30T11:00:00Z"); // 12:00 BST
    expect(formatRelative("2026-03-28T12:00:00Z", { now: noonAfterSpring, timeZone: "Europe/London" })).toBe(
      "2 days ago",
    );
  });
});

describe("flash cookie", () => {
  it("reads back what was written, also encoded twice, and refuses anything else", () => {
    const flash = { id: "1", kind: "success" as const, message: "Invitation sent; welcome, “Jane”." };
    expect(parseFlash(encodeFlash(flash))).toEqual(flash);
    expect(parseFlash(encodeURIComponent(encodeFlash(flash)))).toEqual(flash);
    expect(parseFlash("%7B")).toBeNull();
    expect(parseFlash(encodeURIComponent(JSON.stringify({ id: "1", kind: "info", message: "x" })))).toBeNull();
  });
});
