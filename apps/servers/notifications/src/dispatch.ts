import { deliverableTypeLabel } from "@leadmetrics/catalog";
import type { Db } from "@leadmetrics/db";
import {
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  type PortalUrls,
  portalUrl,
} from "@leadmetrics/notification-events";
import {
  createWorker,
  DIGEST_EVENTS,
  type DigestJob,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationJob,
  PermanentJobError,
  type Worker,
  type WorkerOptions,
} from "@leadmetrics/queue";
import type { ChannelQueue } from "./channel-worker";
import { collectForDigest } from "./digest";
import { channelsFor, type Recipient, resolveRecipients } from "./recipients";

/** Adds what templates need and the job does not carry (read fresh, tenant-checked). */
async function enrich(db: Db, job: NotificationJob): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...job.data };
  const activityId = typeof data.activityId === "string" ? data.activityId : undefined;
  if (activityId && job.tenantId) {
    const a = await db.activity.findFirst({
      where: { id: activityId, tenantId: job.tenantId },
      select: {
        topic: true,
        title: true,
        type: true,
        publishedUrl: true,
        lastError: true,
        plan: { select: { tenant: { select: { name: true } } } },
      },
    });
    if (!a) throw new PermanentJobError("the activity of this notification no longer exists for its tenant");
    Object.assign(data, {
      // What people see the work called: the current version's title (a reviewer's edit included).
      title: a.title ?? a.topic,
      typeLabel: deliverableTypeLabel(a.type),
      publishedUrl: a.publishedUrl,
      reason: a.lastError ?? "unknown",
      tenantName: a.plan.tenant.name,
    });
  }
  return data;
}

const isDigestEvent = (event: string): event is DigestJob["event"] => (DIGEST_EVENTS as string[]).includes(event);

/**
 * Fan-out: one job per recipient and channel, after preferences. The email of a digest event
 * waits for the recipient's digest instead (when `digestWindowMs` is above 0).
 */
export function createDispatchWorker(
  alertsEmails: string[],
  urls: PortalUrls,
  digestWindowMs: number,
  opts: WorkerOptions,
): Worker {
  const { db, queues } = opts;
  return createWorker(
    "notifications__dispatch",
    async ({ payload, log }) => {
      const def: EventDefinition<NotificationChannel> = NOTIFICATION_EVENT_DEFINITIONS[payload.event];
      const [recipients, data] = await Promise.all([resolveRecipients(db, payload, alertsEmails), enrich(db, payload)]);
      const users = recipients.filter((r): r is Extract<Recipient, { kind: "user" }> => r.kind === "user");
      const channels = await channelsFor(
        db,
        users.map((u) => u.userId),
        payload.event,
        def.defaults,
        NOTIFICATION_CHANNELS,
        Boolean(def.mandatory),
      );
      let fanned = 0;
      for (const r of recipients) {
        const targets: NotificationChannel[] = r.kind === "user" ? (channels.get(r.userId) ?? []) : ["email"];
        const portal = r.kind === "user" ? r.portal : undefined;
        const link = def.link?.(data, portal ?? "dashboard") ?? "";
        const channelData = { ...data, url: portalUrl(urls, portal, link), link };
        for (const channel of targets) {
          if (channel === "email" && r.kind === "user" && digestWindowMs > 0 && isDigestEvent(payload.event)) {
            await collectForDigest(db, queues, digestWindowMs, {
              userId: r.userId,
              event: payload.event,
              tenantId: payload.tenantId,
              dedupeKey: payload.dedupeKey,
              requestId: payload.requestId,
              data: channelData,
            });
            fanned++;
            continue;
          }
          await queues.enqueue(`notifications__${channel}` as ChannelQueue, {
            tenantId: payload.tenantId,
            requestId: payload.requestId,
            recipient: r.kind === "user" ? { userId: r.userId } : { email: r.email },
            event: payload.event,
            data: channelData,
            dedupeKey: payload.dedupeKey,
          });
          fanned++;
        }
      }
      log.info({ event: payload.event, recipients: recipients.length, jobs: fanned }, "notification dispatched");
      return { fanned };
    },
    { ...opts, concurrency: 4 },
  );
}
