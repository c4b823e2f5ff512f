import { createAdapterRegistry, ROLES } from "@leadmetrics/agents";
import { AGENT_ROLES } from "@leadmetrics/catalog";
import { channelSecretBox } from "@leadmetrics/crypto";
import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { createOutboundFetch } from "@leadmetrics/provider-core";
import { closeWorkers, createOutboxRelay, createQueueClient, redisConnection, type Worker } from "@leadmetrics/queue";
import { createRealtimePublisher } from "@leadmetrics/realtime";
import type { Redis } from "ioredis";

import type { AgentsConfig } from "./config";
import { reconcileStuckWork } from "./reconciler";

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
  const roleDeps = {
    outbox,
    adapters: createAdapterRegistry(config),
    secrets: channelSecretBox(config),
    outboundFetch: createOutboundFetch({ allowPrivate: config.ALLOW_PRIVATE_CHANNEL_URLS }),
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
  const reconcileNow = () =>
    reconcileStuckWork({ db: deps.db, queues, log: deps.logger }, config.RECONCILE_STUCK_AFTER_MS);
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
