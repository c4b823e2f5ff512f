import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): the Unix time in milliseconds, then random bits. What Prisma's
 * `@default(uuid(7))` generates, for rows the thin SQL layer inserts: ids stay in time order.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
