import { notFound } from "@leadmetrics/errors";
import {
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  NOTIFICATION_EVENTS,
} from "@leadmetrics/notification-events";
import { NOTIFICATION_CHANNELS, type NotificationChannel } from "@leadmetrics/queue";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { errorResponses, idParams, okSchema, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const notificationSchema = z.object({
  id: z.uuid(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
const preferenceSchema = z.object({
  event: z.enum(NOTIFICATION_EVENTS),
  channel: z.enum(NOTIFICATION_CHANNELS),
  enabled: z.boolean(),
  mandatory: z.boolean(),
});

/** The signed-in user's own notifications, preferences and devices: every query is by their id. */
export const meRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.get(
      "/me/notifications",
      {
        schema: {
          tags: ["auth"],
          querystring: paginationQuery.extend({ unread: z.enum(["true", "false"]).optional() }),
          response: { 200: page(notificationSchema).extend({ unreadCount: z.number().int() }), ...errorResponses },
        },
      },
      async (req) => {
        const userId = authOf(req).sub;
        const where = { userId, ...(req.query.unread === "true" ? { readAt: null } : {}) };
        const [rows, total, unreadCount] = await Promise.all([
          db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }),
          db.notification.count({ where }),
          db.notification.count({ where: { userId, readAt: null } }),
        ]);
        return {
          items: rows.map((n) => ({
            id: n.id,
            event: n.event,
            title: n.title,
            body: n.body,
            link: n.link,
            read: n.readAt !== null,
            createdAt: n.createdAt.toISOString(),
          })),
          total,
          unreadCount,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );

    app.post(
      "/me/notifications/:id/read",
      { schema: { tags: ["auth"], params: idParams, response: { 200: okSchema, ...errorResponses } } },
      async (req) => {
        const found = await db.notification.updateMany({
          where: { id: req.params.id, userId: authOf(req).sub },
          data: { readAt: new Date() },
        });
        if (found.count !== 1) throw notFound("Notification");
        return { ok: true as const };
      },
    );

    app.post(
      "/me/notifications/read-all",
      { schema: { tags: ["auth"], response: { 200: z.object({ marked: z.number().int() }), ...errorResponses } } },
      async (req) => ({
        marked: (
          await db.notification.updateMany({
            where: { userId: authOf(req).sub, readAt: null },
            data: { readAt: new Date() },
          })
        ).count,
      }),
    );

    const effective = async (userId: string) => {
      const rows = await db.notificationPreference.findMany({ where: { userId } });
      return NOTIFICATION_EVENTS.flatMap((event) => {
        const def: EventDefinition<NotificationChannel> = NOTIFICATION_EVENT_DEFINITIONS[event];
        return NOTIFICATION_CHANNELS.map((channel) => {
          const row = rows.find((r) => r.event === event && r.channel === channel);
          return {
            event,
            channel,
            enabled: def.mandatory ? def.defaults.includes(channel) : (row?.enabled ?? def.defaults.includes(channel)),
            mandatory: def.mandatory ?? false,
          };
        });
      });
    };

    app.get(
      "/me/notification-preferences",
      {
        schema: {
          tags: ["auth"],
          response: { 200: z.object({ items: z.array(preferenceSchema) }), ...errorResponses },
        },
      },
      async (req) => ({
        items: await effective(authOf(req).sub),
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
          response: { 200: z.object({ items: z.array(preferenceSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        const userId = authOf(req).sub;
        await db.$transaction(
          req.body.items.map((p) =>
            db.notificationPreference.upsert({
              where: { userId_event_channel: { userId, event: p.event, channel: p.channel } },
              create: { userId, ...p },
              update: { enabled: p.enabled },
            }),
          ),
        );
        return { items: await effective(userId) };
      },
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
