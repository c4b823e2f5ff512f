/**
 * The one way the portals write a moment: "2 Dec 2026, 14:05" in a named time zone (the
 * workspace's), and "3 h ago" / "in 2 days" where the distance matters more than the moment.
 * Pure functions (no React), so server pages, client components and tests share them.
 */

type Instant = string | number | Date;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, zoneName: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${zoneName}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone,
        ...(zoneName ? { timeZoneName: "short" as const } : {}),
      });
    } catch {
      // A zone this runtime does not know (a stale tz database): UTC, said as such, beats a crash.
      return formatter("UTC", true);
    }
    formatters.set(key, f);
  }
  return f;
}

const toDate = (at: Instant) => (at instanceof Date ? at : new Date(at));

/** "2 Dec 2026, 14:05" in `timeZone` ("—" when there is no moment); `zoneName` adds "GMT+1". */
export function formatDateTime(
  at: Instant | null | undefined,
  timeZone = "UTC",
  opts: { zoneName?: boolean } = {},
): string {
  if (at === null || at === undefined || at === "") return "—";
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return "—";
  return formatter(timeZone, opts.zoneName ?? false).format(date);
}

/** A calendar date with no time ("2026-12-07", a plan's start) as "7 Dec 2026", whatever the zone. */
export function formatCalendarDate(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** A moment's calendar date in `timeZone` as "2026-12-02" (for grouping by the workspace's days). */
export function calendarDay(at: Instant, timeZone = "UTC"): string {
  return new Date(dayNumber(toDate(at), timeZone) * 86_400_000).toISOString().slice(0, 10);
}

/** The day number (days since 1970-01-01) of a moment's calendar date in `timeZone`. */
function dayNumber(date: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      timeZone,
    }).formatToParts(date);
  } catch {
    return dayNumber(date, "UTC");
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day")) / 86_400_000;
}

/**
 * How far a moment is from now: "just now", "3 min ago", "5 h ago", "yesterday", "3 days ago",
 * "in 2 h", "tomorrow", "in 2 days"; beyond a week, the moment itself (formatDateTime). Under a
 * day it counts hours; from a day on it counts calendar days in `timeZone`, so "yesterday" means
 * the workspace's yesterday (and a day with a clock change is still one day).
 */
export function formatRelative(at: Instant | null | undefined, opts: { now?: number; timeZone?: string } = {}): string {
  if (at === null || at === undefined || at === "") return "never";
  const date = toDate(at);
  if (Number.isNaN(date.getTime())) return "—";
  const now = opts.now ?? Date.now();
  const timeZone = opts.timeZone ?? "UTC";
  const ms = date.getTime() - now;
  const future = ms > 0;
  const say = (amount: string) => (future ? `in ${amount}` : `${amount} ago`);
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return say(`${minutes} min`);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return say(`${hours} h`);
  const days = Math.abs(dayNumber(date, timeZone) - dayNumber(new Date(now), timeZone));
  if (days <= 1) return future ? "tomorrow" : "yesterday";
  if (days < 7) return say(`${days} days`);
  return formatDateTime(date, timeZone);
}
