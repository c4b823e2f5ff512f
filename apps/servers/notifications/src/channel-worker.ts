import { notificationSettingsUrl } from "@leadmetrics/notification-events";
import {
  createWorker,
  type JobContext,
  type NotificationChannel,
  type NotificationJob,
  PermanentJobError,
  type Worker,
  type WorkerOptions,
} from "@leadmetrics/queue";
import { type OneTimeLinks, withOneTimeLink } from "./one-time-link";
import { type ChannelRecipient, loadChannelRecipient } from "./recipients";
import { isPermanentProviderError } from "./senders";
import { type RenderedNotification, renderNotification, TemplateError } from "./templates";

export type ChannelQueue = `notifications__${NotificationChannel}`;

export interface SendResult {
  status: "sent" | "skipped";
  messageId?: string;
  note?: string;
}

/** How one channel delivers a rendered notification to one recipient. */
export type Send = (
  ctx: JobContext<ChannelQueue>,
  to: ChannelRecipient,
  rendered: RenderedNotification,
) => Promise<SendResult>;

const recipientKey = (r: NotificationJob["recipient"]) => ("userId" in r ? r.userId : "email" in r ? r.email : r.group);

/**
 * One factory for every channel: resolve the recipient, render, and send at most once per
 * (message, channel, recipient) — the NotificationDelivery row is the record of what was sent.
 */
export function createChannelWorker(
  channel: NotificationChannel,
  send: Send,
  links: OneTimeLinks,
  opts: WorkerOptions,
): Worker {
  const { db } = opts;
  return createWorker(
    `notifications__${channel}` as ChannelQueue,
    async (ctx) => {
      const { payload, log } = ctx;
      const key = recipientKey(payload.recipient);
      const where = { dedupeKey_channel_recipient: { dedupeKey: payload.dedupeKey, channel, recipient: key } };
      const existing = await db.notificationDelivery.findUnique({ where });
      if (existing && existing.status !== "pending" && existing.status !== "failed")
        return { skipped: existing.status };

      const to = await loadChannelRecipient(db, payload.recipient);
      if (!to) return { skipped: "recipient gone" };

      const data = await withOneTimeLink(db, links, payload.event, to, payload.data, log);
      let rendered: RenderedNotification;
      try {
        rendered = renderNotification(payload.event, {
          ...data,
          name: to.name,
          settingsUrl: notificationSettingsUrl(links.urls, to.kind === "user" ? to.portal : undefined),
        });
      } catch (err) {
        throw err instanceof TemplateError ? new PermanentJobError(err.message) : err;
      }
      await db.notificationDelivery.upsert({
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
        await db.notificationDelivery.update({
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
        await db.notificationDelivery.update({
          where,
          data: { status: permanent ? "failed" : "pending", error: (err as Error).message.slice(0, 1_000) },
        });
        throw permanent && !(err instanceof PermanentJobError) ? new PermanentJobError((err as Error).message) : err;
      }
    },
    { ...opts, concurrency: 8 },
  );
}
