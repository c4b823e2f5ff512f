import type { Redis } from "ioredis";

/** Resolves when the connection is ready, rejects after `timeoutMs`. */
export function waitForReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new Error(`redis not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}

/** ioredis refusing a command because the server is unreachable (not a bad command). */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === "MaxRetriesPerRequestError" ||
    /Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|Reached the max retries/.test(err.message)
  );
}
