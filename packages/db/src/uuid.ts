import { randomUUID } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): the Unix time in milliseconds, then random bits. What Prisma's
 * `@default(uuid(7))` generates, for rows the thin SQL layer inserts: ids stay in time order. The
 * random bits are a v4 UUID's (Node draws those from a cached pool: no system call per id).
 */
export function uuidv7(now = Date.now()): string {
  const time = now.toString(16).padStart(12, "0");
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V the variant
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
