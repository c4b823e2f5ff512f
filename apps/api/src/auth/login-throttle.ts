import type { Redis } from "ioredis";
import { authKeys } from "./keys";

const MAX_FAILURES = 10;
const LOCK_SECONDS = 15 * 60;

/**
 * Per-email brute-force lock, on top of the per-IP rate limit: after 10 failed logins the
 * account is locked for 15 minutes, whatever IPs the attempts came from.
 */
export function createLoginThrottle(redis: Redis) {
  return {
    async lockedForSeconds(email: string): Promise<number> {
      const key = authKeys.loginFailures(email);
      const [count, ttl] = await Promise.all([redis.get(key), redis.ttl(key)]);
      return Number(count ?? 0) >= MAX_FAILURES ? Math.max(ttl, 1) : 0;
    },
    async recordFailure(email: string): Promise<void> {
      const key = authKeys.loginFailures(email);
      await redis.multi().incr(key).expire(key, LOCK_SECONDS).exec();
    },
    async clear(email: string): Promise<void> {
      await redis.del(authKeys.loginFailures(email));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
