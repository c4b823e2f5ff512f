import { createAdapterRegistry, ROLES } from "@leadmetrics/agents";
import { AGENT_ROLES } from "@leadmetrics/catalog";
import { createMediaLinks, createSocialProviders } from "@leadmetrics/channels";
import { channelSecretBox } from "@leadmetrics/crypto";
import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { createOutboundFetch } from "@leadmetrics/provider-core";
import { closeWorkers, createOutboxRelay, createQueueClient, redisConnection, type Worker } from "@leadmetrics/queue";
import { createRealtimePublisher } from "@leadmetrics/realtime";
import type { Redis } from "ioredis";

import type { AgentsConfig } from "./config";
import { reconcileStuckWork } from "./reconciler";
import { enqueueDueTokenRefreshes, startTokenRefreshWorker } from "./token-refresh";

export interface AgentsServer {
  workers: Worker[];
  reconcileNow(): Promise<number>;
  close(): Promise<void>;
}

/** Starts one worker per configured role (all from the registry) and the reconciler. */
/** `redis`: the process's one shared connection for real-time publishing, never one per publish. */
export function startAgentsServer(
  config: AgentsConfig,
  deps: { db: Db; logger: Logger; redis: Redis; prefix?: string },
): AgentsServer {
  const queues = createQueueClient({ connection: redisConnection(config.REDIS_URL, "worker"), prefix: deps.prefix });
  // Relays follow-ups right after each transition commits, and polls for any a crash or an outage left behind.
  const outbox = createOutboxRelay({ db: deps.db, queues, log: deps.logger });
  outbox.start();
  const channels = {
    outbox,
    secrets: channelSecretBox(config),
    providers: createSocialProviders(config),
    outboundFetch: createOutboundFetch({ allowPrivate: config.ALLOW_PRIVATE_CHANNEL_URLS }),
    mediaLinks: createMediaLinks({ baseUrl: config.MEDIA_PUBLIC_URL, channelSecretsKey: config.CHANNEL_SECRETS_KEY }),
  };
  const roleDeps = {
    outbox,
    adapters: createAdapterRegistry(config),
    channels,
    defaults: {
      adapter: config.AGENT_DEFAULT_ADAPTER,
      model: config.AGENT_DEFAULT_MODEL,
      temperature: config.AGENT_DEFAULT_TEMPERATURE,
    },
    realtime: createRealtimePublisher(deps.redis),
  };
  const workers = AGENT_ROLES.filter((role) => config.AGENT_ROLES.includes(role)).map((role) =>
    ROLES[role].startWorker(roleDeps, {
      connection: redisConnection(config.REDIS_URL, "worker"),
      prefix: deps.prefix,
      db: deps.db,
      logger: deps.logger.child({ role }),
      queues,
      lockDuration: config.AGENT_LOCK_DURATION_MS,
      stalledInterval: config.AGENT_STALLED_INTERVAL_MS,
    }),
  );
  const workerOptions = {
    connection: redisConnection(config.REDIS_URL, "worker"),
    prefix: deps.prefix,
    db: deps.db,
    logger: deps.logger.child({ queue: "channels__token_refresh" }),
    queues,
  };
  // Sign-ins are renewed where publishing runs.
  const publishes = config.AGENT_ROLES.includes("publisher");
  if (publishes) workers.push(startTokenRefreshWorker(channels, workerOptions));
  const reconcileNow = async () => {
    if (publishes) await enqueueDueTokenRefreshes({ db: deps.db, queues });
    return reconcileStuckWork({ db: deps.db, queues, log: deps.logger }, config.RECONCILE_STUCK_AFTER_MS);
  };
  const timer = setInterval(() => {
    reconcileNow().catch((err) => deps.logger.warn({ err }, "reconcile failed"));
  }, config.RECONCILE_INTERVAL_MS);
  timer.unref();
  return {
    workers,
    reconcileNow,
    async close() {
      clearInterval(timer);
      await closeWorkers(workers, config.SHUTDOWN_GRACE_MS);
      await outbox.stop();
      await queues.close();
    },
  };
}
