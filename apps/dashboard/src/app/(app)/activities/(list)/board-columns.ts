import { type ActivityStatusId, activityStatusLabel } from "@leadmetrics/catalog";

/**
 * The board's columns, in the order work moves. A column may hold several statuses (planned work
 * is about to be drafted; approved work is being published); its name is the client's word for
 * its first status.
 */
export const BOARD_COLUMNS = [
  { id: "drafting", statuses: ["planned", "drafting"] },
  // Shown only when something waits: work that could not hold its credits.
  { id: "waiting_for_credits", statuses: ["waiting_for_credits"], onlyWhenNonEmpty: true },
  { id: "dm_review", statuses: ["dm_review"] },
  { id: "client_review", statuses: ["client_review"] },
  { id: "client_approved", statuses: ["client_approved", "publishing"] },
  { id: "published", statuses: ["published"] },
  { id: "needs_attention", statuses: ["needs_attention"] },
  { id: "publish_failed", statuses: ["publish_failed"] },
] as const satisfies readonly {
  id: ActivityStatusId;
  statuses: readonly ActivityStatusId[];
  onlyWhenNonEmpty?: true;
}[];

export type BoardColumnId = (typeof BOARD_COLUMNS)[number]["id"];

export const columnLabel = (id: BoardColumnId) => activityStatusLabel(id, "client");

export const isBoardColumn = (value: string | undefined): value is BoardColumnId =>
  BOARD_COLUMNS.some((c) => c.id === value);

/** The statuses a column (and the status filter naming it) stands for. */
export const statusesOf = (id: BoardColumnId): ActivityStatusId[] => [
  ...BOARD_COLUMNS.find((c) => c.id === id)!.statuses,
];

export const columnOf = (status: ActivityStatusId): BoardColumnId =>
  BOARD_COLUMNS.find((c) => (c.statuses as readonly ActivityStatusId[]).includes(status))!.id;

const DAY_MS = 86_400_000;
const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** The board's one date format: "9 Dec 2026". Takes a day (`2026-12-09`) or an instant. */
export const dayText = (date: string) => dayFormat.format(new Date(date.length === 10 ? `${date}T00:00:00Z` : date));

/** "today", "tomorrow", "in 3 days", "2 days ago": only within a week, where it helps more than the date. */
export function relativeDay(day: string, today = new Date().toISOString().slice(0, 10)): string | null {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  if (days > 1 && days <= 7) return `in ${days} days`;
  if (days < -1 && days >= -7) return `${-days} days ago`;
  return null;
}
