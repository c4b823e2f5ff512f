import { NOTIFICATION_EVENT_GROUPS, NOTIFICATION_EVENTS } from "@leadmetrics/notification-events";
import { NOTIFICATION_CHANNELS } from "@leadmetrics/queue";
import { rooms } from "@leadmetrics/realtime";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_SETTINGS_LABELS,
  notificationPreferences,
  saveNotificationPreferences,
  unreadNotifications,
} from "../../domain/notifications";
import { errorResponses, idParams, okSchema, page, paginationQuery } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const notificationSchema = z.object({
  id: z.uuid(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  objectTitle: z.string().nullable(),
  link: z.string().nullable(),
  url: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
const preferenceSchema = z.object({
  event: z.enum(NOTIFICATION_EVENTS),
  channel: z.enum(NOTIFICATION_CHANNELS),
  enabled: z.boolean(),
  mandatory: z.boolean(),
});
const preferencesResponse = z.object({
  items: z.array(preferenceSchema),
  events: z.array(
    z.object({
      event: z.enum(NOTIFICATION_EVENTS),
      label: z.string(),
      group: z.enum(NOTIFICATION_EVENT_GROUPS),
      audience: z.enum(["staff", "client", "everyone", "operators"]),
      mandatoryWhy: z.string().nullable(),
    }),
  ),
  channels: z.array(z.object({ channel: z.enum(NOTIFICATION_CHANNELS), label: z.string() })),
});

/** The signed-in user's own notifications, preferences and devices: every query is by their id. */
export const meRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;
    // Every open tab's bell follows what was read in any of them.
    const announceUnread = async (userId: string) =>
      ctx.realtime.publish({
        rooms: [rooms.user(userId)],
        event: "notification:read",
        payload: { unread: await unreadNotifications(db, userId) },
      });

    app.get(
      "/me/notifications",
      {
        schema: {
          tags: ["auth"],
          querystring: paginationQuery.extend({ unread: z.enum(["true", "false"]).optional() }),
          response: { 200: page(notificationSchema).extend({ unreadCount: z.number().int() }), ...errorResponses },
        },
      },
      async (req) => ({
        ...(await listNotifications(db, authOf(req).sub, { ...req.query, unread: req.query.unread === "true" })),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );

    app.post(
      "/me/notifications/:id/read",
      { schema: { tags: ["auth"], params: idParams, response: { 200: okSchema, ...errorResponses } } },
      async (req) => {
        const userId = authOf(req).sub;
        await markNotificationRead(db, userId, req.params.id);
        await announceUnread(userId);
        return { ok: true as const };
      },
    );

    app.post(
      "/me/notifications/read-all",
      { schema: { tags: ["auth"], response: { 200: z.object({ marked: z.number().int() }), ...errorResponses } } },
      async (req) => {
        const userId = authOf(req).sub;
        const marked = await markAllNotificationsRead(db, userId);
        await announceUnread(userId);
        return { marked };
      },
    );

    app.get(
      "/me/notification-preferences",
      { schema: { tags: ["auth"], response: { 200: preferencesResponse, ...errorResponses } } },
      async (req) => ({
        items: await notificationPreferences(db, authOf(req).sub),
        ...NOTIFICATION_SETTINGS_LABELS,
      }),
    );

    app.put(
      "/me/notification-preferences",
      {
        schema: {
          tags: ["auth"],
          body: z.strictObject({
            items: z
              .array(
                z.strictObject({
                  event: z.enum(NOTIFICATION_EVENTS),
                  channel: z.enum(NOTIFICATION_CHANNELS),
                  enabled: z.boolean(),
                }),
              )
              .min(1)
              .max(100),
          }),
          response: { 200: preferencesResponse, ...errorResponses },
        },
      },
      async (req) => ({
        items: await saveNotificationPreferences(db, authOf(req).sub, req.body.items),
        ...NOTIFICATION_SETTINGS_LABELS,
      }),
    );

    app.post(
      "/me/devices",
      {
        schema: {
          tags: ["auth"],
          body: z.strictObject({ token: z.string().min(10).max(4_096), platform: z.enum(["ios", "android", "web"]) }),
          response: { 200: okSchema, ...errorResponses },
        },
      },
      async (req) => {
        const userId = authOf(req).sub;
        // A token moves to whoever registered it last (a shared device that changed hands).
        await db.deviceToken.upsert({
          where: { token: req.body.token },
          create: { userId, ...req.body },
          update: { userId, platform: req.body.platform, lastSeenAt: new Date() },
        });
        return { ok: true as const };
      },
    );
  };
