import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { closeWorkers, createQueueClient, type QueueClient, redisConnection, type Worker } from "@leadmetrics/queue";
import { createRealtimePublisher } from "@leadmetrics/realtime";
import type { Redis } from "ioredis";
import { createChannelWorker } from "./channel-worker";
import { sendEmail } from "./channels/email";
import { sendInApp } from "./channels/in-app";
import { sendPush } from "./channels/push";
import { sendTelegram } from "./channels/telegram";
import { sendWhatsApp } from "./channels/whatsapp";
import type { NotificationsConfig } from "./config";
import { createDigestWorker } from "./digest";
import { createDispatchWorker } from "./dispatch";
import type { Senders } from "./senders";

export interface NotificationsDeps {
  db: Db;
  logger: Logger;
  /** The process's one shared Redis connection for publishing real-time events. */
  redis: Redis;
  senders: Senders;
  prefix?: string;
}

/** The dispatcher and one worker per channel, on one BullMQ connection. */
export function startNotificationsServer(config: NotificationsConfig, deps: NotificationsDeps) {
  const connection = redisConnection(config.REDIS_URL, "worker");
  const queues: QueueClient = createQueueClient({ connection, prefix: deps.prefix });
  const opts = { connection, prefix: deps.prefix, db: deps.db, logger: deps.logger, queues };
  const { senders } = deps;
  const links = {
    urls: { dashboard: config.DASHBOARD_URL, dm: config.DM_URL },
    logLinks: config.NODE_ENV === "development",
  };

  const workers: Worker[] = [
    createDispatchWorker(config.ALERTS_EMAIL, links.urls, config.NOTIFICATION_DIGEST_WINDOW_MS, opts),
    createDigestWorker(config.NOTIFICATION_DIGEST_WINDOW_MS, opts),
    createChannelWorker("email", sendEmail(senders.email, config), links, opts),
    createChannelWorker("in_app", sendInApp(deps.db, createRealtimePublisher(deps.redis)), links, opts),
    createChannelWorker("push", sendPush(deps.db, senders.push), links, opts),
    createChannelWorker("whatsapp", sendWhatsApp(senders.whatsapp), links, opts),
    createChannelWorker("telegram", sendTelegram(senders.telegram), links, opts),
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
