import type { Db, Prisma } from "@leadmetrics/db";
import { createWorker, type DigestJob, type QueueClient, type Worker, type WorkerOptions } from "@leadmetrics/queue";

/** An email that waits for its recipient's digest instead of going out at once. */
export interface DigestEntry {
  userId: string;
  event: DigestJob["event"];
  tenantId: string | null;
  dedupeKey: string;
  requestId?: string;
  /** What the single email would render. */
  data: Record<string, unknown>;
}

/**
 * Schedules the digest of the recipient's oldest waiting row of this event: its window closes
 * `windowMs` after that row was written. The job's dedupe key names the window, so every event
 * inside it finds the job already delayed and adds nothing.
 */
async function scheduleDigest(
  db: Db,
  queues: QueueClient,
  windowMs: number,
  who: { userId: string; event: DigestJob["event"]; requestId?: string },
): Promise<void> {
  const first = await db.notificationDigestItem.findFirst({
    where: { userId: who.userId, event: who.event, digestId: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, createdAt: true },
  });
  if (!first) return;
  await queues.enqueue(
    "notifications__digest",
    { userId: who.userId, event: who.event, windowId: first.id, requestId: who.requestId },
    { delay: Math.max(0, first.createdAt.getTime() + windowMs - Date.now()) },
  );
}

/**
 * Keeps the email for the recipient's digest: the row is in PostgreSQL and the delayed job in
 * Redis, so a restart loses neither. A retried dispatch finds its row and schedules the same window.
 */
export async function collectForDigest(
  db: Db,
  queues: QueueClient,
  windowMs: number,
  entry: DigestEntry,
): Promise<void> {
  await db.notificationDigestItem.upsert({
    where: { userId_dedupeKey: { userId: entry.userId, dedupeKey: entry.dedupeKey } },
    create: {
      userId: entry.userId,
      event: entry.event,
      tenantId: entry.tenantId,
      dedupeKey: entry.dedupeKey,
      data: entry.data as Prisma.InputJsonValue,
    },
    update: {},
  });
  await scheduleDigest(db, queues, windowMs, entry);
}

/** What one line of a digest email shows of each waiting email. */
const digestLine = (data: Record<string, unknown>) => ({
  title: data.title,
  typeLabel: data.typeLabel,
  tenantName: data.tenantName,
  url: data.url,
});

/**
 * When a window closes: takes every waiting row of the recipient and event and sends one email
 * listing them (a window of one sends that event's own email, as without a digest).
 */
export function createDigestWorker(windowMs: number, opts: WorkerOptions): Worker {
  const { db, queues } = opts;
  return createWorker(
    "notifications__digest",
    async ({ payload, log }) => {
      const { userId, event, windowId, requestId } = payload;
      // One claim at a time per recipient and event. The window's first row decides: still waiting →
      // this job takes every waiting row; taken by this window → a retry, which sends exactly what
      // the first attempt took; taken by another window → a stale job, which sends nothing.
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`digest:${userId}:${event}`}))`;
        const head = await tx.notificationDigestItem.findUnique({
          where: { id: windowId },
          select: { digestId: true },
        });
        if (head && head.digestId === null)
          await tx.notificationDigestItem.updateMany({
            where: { userId, event, digestId: null },
            data: { digestId: windowId },
          });
      });
      const items = await db.notificationDigestItem.findMany({
        where: { digestId: windowId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const [only] = items;
      if (items.length === 1 && only) {
        await queues.enqueue("notifications__email", {
          tenantId: only.tenantId,
          requestId,
          recipient: { userId },
          event,
          data: only.data as Record<string, unknown>,
          dedupeKey: only.dedupeKey,
        });
      } else if (items.length > 1) {
        const tenants = new Set(items.map((i) => i.tenantId));
        await queues.enqueue("notifications__email", {
          tenantId: tenants.size === 1 ? (items[0]?.tenantId ?? null) : null,
          requestId,
          recipient: { userId },
          event,
          data: { digest: items.map((i) => digestLine(i.data as Record<string, unknown>)), count: items.length },
          dedupeKey: `digest-${windowId}`,
        });
      }
      // Rows that arrived after the claim (or whose own scheduling was lost) open the next window.
      await scheduleDigest(db, queues, windowMs, { userId, event, requestId });
      log.info({ event, items: items.length }, "digest sent");
      return { items: items.length };
    },
    { ...opts, concurrency: 4 },
  );
}
