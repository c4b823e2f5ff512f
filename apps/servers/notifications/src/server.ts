import { generateOpaqueToken, hashOpaqueToken } from "@leadmetrics/auth";
import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import {
  closeWorkers,
  createQueueClient,
  createWorker,
  NOTIFICATION_EVENT_DEFINITIONS as EVENTS,
  type EventDefinition,
  type JobContext,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationJob,
  PermanentJobError,
  type QueueClient,
  redisConnection,
  type Worker,
} from "@leadmetrics/queue";
import { createRealtimePublisher, rooms } from "@leadmetrics/realtime";
import type { Redis } from "ioredis";
import type { NotificationsConfig } from "./config";
import { channelsFor, type Recipient, resolveRecipients } from "./recipients";
import { isInvalidPushToken, isPermanentProviderError, type Senders } from "./senders";
import { renderNotification, TemplateError } from "./templates";

type ChannelQueue = `notifications__${NotificationChannel}`;
const TYPE_LABEL: Record<string, string> = { blog_post: "blog post", social_post: "social post", strategy: "strategy" };

export interface NotificationsDeps {
  db: Db;
  logger: Logger;
  /** The process's one shared Redis connection for publishing real-time events. */
  redis: Redis;
  senders: Senders;
  prefix?: string;
}

/** Adds what templates need and the job does not carry (read fresh, tenant-checked). */
async function enrich(db: Db, job: NotificationJob): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...job.data };
  const activityId = typeof data.activityId === "string" ? data.activityId : undefined;
  if (activityId && job.tenantId) {
    const a = await db.activity.findFirst({
      where: { id: activityId, tenantId: job.tenantId },
      select: {
        topic: true,
        type: true,
        publishedUrl: true,
        lastError: true,
        plan: { select: { tenant: { select: { name: true } } } },
      },
    });
    if (!a) throw new PermanentJobError("the activity of this notification no longer exists for its tenant");
    Object.assign(data, {
      topic: a.topic,
      typeLabel: TYPE_LABEL[a.type] ?? a.type,
      publishedUrl: a.publishedUrl,
      reason: a.lastError ?? "unknown",
      tenantName: a.plan.tenant.name,
    });
  }
  return data;
}

const recipientKey = (r: NotificationJob["recipient"]) => ("userId" in r ? r.userId : "email" in r ? r.email : r.group);

export function startNotificationsServer(config: NotificationsConfig, deps: NotificationsDeps) {
  const connection = redisConnection(config.REDIS_URL, "worker");
  const queues: QueueClient = createQueueClient({ connection, prefix: deps.prefix });
  const realtime = createRealtimePublisher(deps.redis);
  const common = { connection, prefix: deps.prefix, db: deps.db, logger: deps.logger, queues };

  /** Fan-out: one job per recipient and channel, after preferences. */
  const dispatch = createWorker(
    "notifications__dispatch",
    async ({ payload, log }) => {
      const def: EventDefinition = EVENTS[payload.event];
      const [recipients, data] = await Promise.all([
        resolveRecipients(deps.db, payload, config.ALERTS_EMAIL),
        enrich(deps.db, payload),
      ]);
      const users = recipients.filter((r): r is Extract<Recipient, { kind: "user" }> => r.kind === "user");
      const channels = await channelsFor(
        deps.db,
        users.map((u) => u.userId),
        payload.event,
        def.defaults,
        NOTIFICATION_CHANNELS,
        def.mandatory ?? false,
      );
      let fanned = 0;
      for (const r of recipients) {
        const targets: NotificationChannel[] = r.kind === "user" ? (channels.get(r.userId) ?? []) : ["email"];
        const link = def.link?.(data) ?? "";
        const base = r.kind === "user" && r.portal === "dm" ? config.DM_URL : config.DASHBOARD_URL;
        for (const channel of targets) {
          await queues.enqueue(`notifications__${channel}` as ChannelQueue, {
            tenantId: payload.tenantId,
            requestId: payload.requestId,
            recipient: r.kind === "user" ? { userId: r.userId } : { email: r.email },
            event: payload.event,
            data: { ...data, url: `${base}${link}`, link },
            dedupeKey: payload.dedupeKey,
          });
          fanned++;
        }
      }
      log.info({ event: payload.event, recipients: recipients.length, jobs: fanned }, "notification dispatched");
      return { fanned };
    },
    { ...common, concurrency: 4 },
  );

  /**
   * Mints the single-use link of a reset or invitation email right before it is rendered: only
   * the token's hash is stored, and the token itself exists in this process and the email alone.
   * A retried send mints a fresh link; an unused one simply expires.
   */
  async function withOneTimeLink(
    event: NotificationJob["event"],
    to: Recipient,
    data: Record<string, unknown>,
    log: Logger,
  ): Promise<Record<string, unknown>> {
    const spec = (EVENTS[event] as EventDefinition).oneTimeLink;
    if (!spec) return data;
    if (to.kind !== "user") throw new PermanentJobError(`a ${event} email needs a user to address`);
    const token = generateOpaqueToken();
    await deps.db.userToken.create({
      data: {
        userId: to.userId,
        purpose: spec.purpose,
        tokenHash: hashOpaqueToken(token),
        expiresAt: new Date(Date.now() + spec.ttlMs),
      },
    });
    const url = `${to.portal === "dm" ? config.DM_URL : config.DASHBOARD_URL}${spec.path}?token=${encodeURIComponent(token)}`;
    // For API-only work in development without opening the mail sink.
    if (config.NODE_ENV === "development")
      log.debug({ oneTimeLink: url, purpose: spec.purpose, userId: to.userId }, "one-time link minted");
    return { ...data, [spec.field]: url };
  }

  type Send = (
    ctx: JobContext<ChannelQueue>,
    to: Recipient & { whatsappNumber?: string | null; telegramChatId?: string | null },
    rendered: ReturnType<typeof renderNotification>,
  ) => Promise<{ status: "sent" | "skipped"; messageId?: string; note?: string }>;

  /**
   * One factory for every channel: resolve the recipient, render, and send at most once per
   * (message, channel, recipient) — the NotificationDelivery row is the record of what was sent.
   */
  const channelWorker = (channel: NotificationChannel, send: Send): Worker =>
    createWorker(
      `notifications__${channel}` as ChannelQueue,
      async (ctx) => {
        const { payload, log } = ctx;
        const key = recipientKey(payload.recipient);
        const where = { dedupeKey_channel_recipient: { dedupeKey: payload.dedupeKey, channel, recipient: key } };
        const existing = await deps.db.notificationDelivery.findUnique({ where });
        if (existing && existing.status !== "pending" && existing.status !== "failed")
          return { skipped: existing.status };

        let to: Parameters<Send>[1];
        if ("userId" in payload.recipient) {
          const user = await deps.db.user.findFirst({
            where: { id: payload.recipient.userId, disabledAt: null },
            select: {
              id: true,
              email: true,
              name: true,
              platformRole: true,
              whatsappNumber: true,
              telegramChatId: true,
            },
          });
          if (!user) return { skipped: "recipient gone" };
          to = {
            kind: "user",
            userId: user.id,
            email: user.email,
            name: user.name,
            portal: user.platformRole === "none" ? "dashboard" : "dm",
            whatsappNumber: user.whatsappNumber,
            telegramChatId: user.telegramChatId,
          };
        } else if ("email" in payload.recipient) {
          to = { kind: "address", email: payload.recipient.email, name: payload.recipient.email };
        } else throw new PermanentJobError("channel jobs address one user or one email");

        const data = await withOneTimeLink(payload.event, to, payload.data, log);
        let rendered;
        try {
          rendered = renderNotification(payload.event, { ...data, name: to.name });
        } catch (err) {
          throw err instanceof TemplateError ? new PermanentJobError(err.message) : err;
        }
        await deps.db.notificationDelivery.upsert({
          where,
          create: {
            dedupeKey: payload.dedupeKey,
            channel,
            recipient: key,
            event: payload.event,
            tenantId: payload.tenantId,
            status: "pending",
          },
          update: {},
        });
        try {
          const result = await send(ctx, to, rendered);
          await deps.db.notificationDelivery.update({
            where,
            data: {
              status: result.status,
              providerMessageId: result.messageId ?? null,
              error: result.note ?? null,
              sentAt: result.status === "sent" ? new Date() : null,
            },
          });
          if (result.status === "skipped") log.info({ channel, note: result.note }, "notification skipped");
          return result;
        } catch (err) {
          const permanent = isPermanentProviderError(err) || err instanceof PermanentJobError;
          await deps.db.notificationDelivery.update({
            where,
            data: { status: permanent ? "failed" : "pending", error: (err as Error).message.slice(0, 1_000) },
          });
          throw permanent && !(err instanceof PermanentJobError) ? new PermanentJobError((err as Error).message) : err;
        }
      },
      { ...common, concurrency: 8 },
    );

  const allowed = (email: string) => {
    if (config.DEV_ALLOWED_EMAIL_DOMAINS.length === 0) return true;
    const domain = email.split("@")[1]?.toLowerCase() ?? "";
    return config.DEV_ALLOWED_EMAIL_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
  };

  const workers: Worker[] = [
    dispatch,
    channelWorker("email", async ({ payload }, to, r) => {
      if (!deps.senders.email) return { status: "skipped", note: "no email provider configured" };
      if (!allowed(to.email)) return { status: "skipped", note: `${to.email} is outside DEV_ALLOWED_EMAIL_DOMAINS` };
      const sent = await deps.senders.email.send({
        to: to.email,
        from: config.EMAIL_FROM,
        subject: r.subject,
        html: r.html,
        text: r.text,
        idempotencyKey: `${payload.dedupeKey}:${to.email}`,
      });
      return { status: "sent", messageId: sent.messageId };
    }),
    channelWorker("in_app", async ({ payload }, to, r) => {
      if (to.kind !== "user") return { status: "skipped", note: "in-app needs a user" };
      const row = await deps.db.notification.upsert({
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
      const unread = await deps.db.notification.count({ where: { userId: to.userId, readAt: null } });
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
    }),
    channelWorker("push", async (_ctx, to, r) => {
      if (to.kind !== "user") return { status: "skipped", note: "push needs a user" };
      if (!deps.senders.push) return { status: "skipped", note: "no push provider configured" };
      const tokens = await deps.db.deviceToken.findMany({ where: { userId: to.userId } });
      if (tokens.length === 0) return { status: "skipped", note: "no registered device" };
      const ids: string[] = [];
      for (const t of tokens) {
        try {
          ids.push((await deps.senders.push.send({ token: t.token, title: r.subject, body: r.short })).messageId);
        } catch (err) {
          if (!isInvalidPushToken(err)) throw err;
          await deps.db.deviceToken.deleteMany({ where: { id: t.id } });
        }
      }
      return ids.length
        ? { status: "sent", messageId: ids.join(",") }
        : { status: "skipped", note: "every device token was invalid" };
    }),
    channelWorker("whatsapp", async (_ctx, to, r) => {
      if (!deps.senders.whatsapp) return { status: "skipped", note: "no WhatsApp provider configured" };
      if (!to.whatsappNumber) return { status: "skipped", note: "no WhatsApp number" };
      return {
        status: "sent",
        messageId: (await deps.senders.whatsapp.send({ to: to.whatsappNumber, text: r.short })).messageId,
      };
    }),
    channelWorker("telegram", async (_ctx, to, r) => {
      if (!deps.senders.telegram) return { status: "skipped", note: "no Telegram bot configured" };
      if (!to.telegramChatId) return { status: "skipped", note: "no Telegram chat linked" };
      return {
        status: "sent",
        messageId: (await deps.senders.telegram.send({ chatId: to.telegramChatId, text: r.short })).messageId,
      };
    }),
  ];

  return {
    workers,
    queues,
    async close() {
      await closeWorkers(workers, 10_000);
      await queues.close();
    },
  };
}
