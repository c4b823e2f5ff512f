import type { ConnectionOptions } from "bullmq";

/**
 * BullMQ connection options from a URL. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers in request paths fail fast instead.
 */
export function redisConnection(url: string, role: "worker" | "producer"): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableOfflineQueue: role === "worker",
    connectTimeout: 5_000,
  };
}
