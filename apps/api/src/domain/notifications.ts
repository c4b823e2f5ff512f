import { type Db, sqlStatement } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import {
  type EventAudience,
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationEventGroup,
} from "@leadmetrics/notification-events";
import { NOTIFICATION_CHANNELS, type NotificationChannel } from "@leadmetrics/queue";

/** A notification as the inbox shows it. */
export interface NotificationView {
  id: string;
  event: string;
  title: string;
  /** One sentence in words, naming the object. */
  body: string;
  /** The object's name inside `body` (an activity's title), for the inbox to set apart. */
  objectTitle: string | null;
  /** Relative to the recipient's portal. */
  link: string | null;
  /** The same page as an absolute address in the recipient's portal (a portal without that page opens it there). */
  url: string | null;
  read: boolean;
  createdAt: string;
}

interface NotificationRow {
  id: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown> | null;
  readAt: Date | null;
  createdAt: Date;
}

// Unread first, then newest: the inbox's order. `$2` narrows to unread ones only.
const pageStatement = sqlStatement<NotificationRow, [string, boolean, number, number]>(
  `SELECT "id", "event", "title", "body", "link", "data", "readAt", "createdAt" FROM "Notification"
   WHERE "userId" = $1 AND ($2 = false OR "readAt" IS NULL)
   ORDER BY ("readAt" IS NULL) DESC, "createdAt" DESC, "id" DESC
   LIMIT $3 OFFSET $4`,
);

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

/** The user's own notifications, unread first then newest, with the unread count the bell shows. */
export async function listNotifications(
  db: Db,
  userId: string,
  q: { page: number; pageSize: number; unread: boolean },
) {
  const where = { userId, ...(q.unread ? { readAt: null } : {}) };
  const [rows, total, unreadCount] = await Promise.all([
    db.$sql.rows(pageStatement, userId, q.unread, q.pageSize, (q.page - 1) * q.pageSize),
    db.notification.count({ where }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  const items: NotificationView[] = rows.map((n) => ({
    id: n.id,
    event: n.event,
    title: n.title,
    body: n.body,
    objectTitle: text(n.data?.title),
    link: n.link,
    url: text(n.data?.url),
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  }));
  return { items, total, unreadCount };
}

/** Marks one of the user's notifications read (a second time keeps the first reading); another user's id is not found. */
export async function markNotificationRead(db: Db, userId: string, id: string): Promise<void> {
  const found = await db.notification.findFirst({ where: { id, userId }, select: { readAt: true } });
  if (!found) throw notFound("Notification");
  if (!found.readAt)
    await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
}

/** How many of the user's notifications are unread: the bell's number. */
export const unreadNotifications = (db: Db, userId: string) =>
  db.notification.count({ where: { userId, readAt: null } });

/** Marks every unread notification of the user read. */
export async function markAllNotificationsRead(db: Db, userId: string): Promise<number> {
  return (await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })).count;
}

export interface PreferenceView {
  event: NotificationEvent;
  channel: NotificationChannel;
  enabled: boolean;
  mandatory: boolean;
}

/** An event as the settings page names it. */
export interface EventView {
  event: NotificationEvent;
  label: string;
  group: NotificationEventGroup;
  audience: EventAudience;
  /** Why it cannot be turned off, when it cannot. */
  mandatoryWhy: string | null;
}

const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  email: "Email",
  in_app: "In the app",
  push: "Push",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
};

const definition = (event: NotificationEvent): EventDefinition<NotificationChannel> =>
  NOTIFICATION_EVENT_DEFINITIONS[event];

/** Every event and channel the settings grid shows, in words. */
export const NOTIFICATION_SETTINGS_LABELS = {
  events: NOTIFICATION_EVENTS.map((event): EventView => {
    const def = definition(event);
    return {
      event,
      label: def.label,
      group: def.group,
      audience: def.audience,
      mandatoryWhy: def.mandatory?.why ?? null,
    };
  }),
  channels: NOTIFICATION_CHANNELS.map((channel) => ({ channel, label: CHANNEL_LABELS[channel] })),
};

/** The user's effective choice for every event and channel: their own where set, the event's default otherwise. */
export async function notificationPreferences(db: Db, userId: string): Promise<PreferenceView[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  return NOTIFICATION_EVENTS.flatMap((event) => {
    const def = definition(event);
    return NOTIFICATION_CHANNELS.map((channel) => {
      const row = rows.find((r) => r.event === event && r.channel === channel);
      const byDefault = def.defaults.includes(channel);
      return {
        event,
        channel,
        enabled: def.mandatory ? byDefault : (row?.enabled ?? byDefault),
        mandatory: Boolean(def.mandatory),
      };
    });
  });
}

/** Saves the given choices in one transaction; a mandatory event's choice is kept but never applies. */
export async function saveNotificationPreferences(
  db: Db,
  userId: string,
  items: { event: NotificationEvent; channel: NotificationChannel; enabled: boolean }[],
): Promise<PreferenceView[]> {
  await db.$transaction(
    items.map((p) =>
      db.notificationPreference.upsert({
        where: { userId_event_channel: { userId, event: p.event, channel: p.channel } },
        create: { userId, ...p },
        update: { enabled: p.enabled },
      }),
    ),
  );
  return notificationPreferences(db, userId);
}
