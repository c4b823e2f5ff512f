import type { Db } from "@leadmetrics/db";
import { type RealtimePublisher, rooms } from "@leadmetrics/realtime";
import type { Send } from "../channel-worker";

/** The notification row the portals list, pushed live to the user's open tabs with the unread count. */
export const sendInApp =
  (db: Db, realtime: RealtimePublisher): Send =>
  async ({ payload }, to, r) => {
    if (to.kind !== "user") return { status: "skipped", note: "in-app needs a user" };
    const row = await db.notification.upsert({
      where: { userId_dedupeKey: { userId: to.userId, dedupeKey: payload.dedupeKey } },
      create: {
        userId: to.userId,
        tenantId: payload.tenantId,
        event: payload.event,
        title: r.subject,
        body: r.short,
        link: typeof payload.data.link === "string" ? payload.data.link || null : null,
        data: payload.data as object,
        dedupeKey: payload.dedupeKey,
      },
      update: {},
    });
    const unread = await db.notification.count({ where: { userId: to.userId, readAt: null } });
    await realtime.publish({
      rooms: [rooms.user(to.userId)],
      event: "notification:new",
      payload: {
        id: row.id,
        event: row.event,
        title: row.title,
        body: row.body,
        link: row.link,
        createdAt: row.createdAt.toISOString(),
        unread,
      },
    });
    return { status: "sent", messageId: row.id };
  };
