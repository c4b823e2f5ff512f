import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { SocialChannelKind } from "@leadmetrics/catalog";
import { createSocialProviders, tokenColumns } from "@leadmetrics/channels";
import { loadConfig } from "@leadmetrics/config";
import { channelSecretBox } from "@leadmetrics/crypto";
import { createDb, type Db } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { pkcePair, type SocialProvider } from "@leadmetrics/provider-core";
import { createQueueClient, redisConnection } from "@leadmetrics/queue";
import { agentsConfigSchema } from "@leadmetrics/server-agents/config";
import { startAgentsServer } from "@leadmetrics/server-agents/server";
import { type SocialSandbox, startSocialSandbox } from "@leadmetrics/social-sandbox";
import { Redis } from "ioredis";
import { seedWeekPlan } from "../../apps/api/test/plan-fixtures";
import type { BenchStack } from "./stack";

/**
 * Publishing, per network, against its local server: posts/s through the whole job path (the
 * publisher's queue, its HITL gate, the account's tokens, the network's client, the transition)
 * against the network's client alone posting the same texts. Text-only posts: Instagram, which
 * takes no post without an image, is measured by the API tests, not here.
 */
export interface PublishFigure {
  kind: SocialChannelKind;
  posts: number;
  clientPerSecond: number;
  jobPerSecond: number;
}

const KINDS = ["linkedin", "facebook", "google_business", "x"] as const satisfies SocialChannelKind[];
type BenchKind = (typeof KINDS)[number];
const CONCURRENCY = 4;

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** An account of the sandbox's network, connected the way a person does (consent, code, tokens). */
async function connectAccount(provider: SocialProvider, sandbox: SocialSandbox, kind: BenchKind) {
  const fakes: Record<BenchKind, Pick<SocialSandbox["x"], "approve">> = {
    linkedin: sandbox.linkedin,
    facebook: sandbox.meta,
    google_business: sandbox.google,
    x: sandbox.x,
  };
  const fake = fakes[kind];
  const pkce = provider.usesPkce ? pkcePair() : undefined;
  const back = new URL(
    await fake.approve(
      provider.authorizeUrl({
        state: randomBytes(16).toString("hex"),
        ...(pkce ? { codeChallenge: pkce.challenge } : {}),
      }),
    ),
  );
  const tokens = await provider.exchangeCode({
    code: back.searchParams.get("code") ?? "",
    ...(pkce ? { codeVerifier: pkce.verifier } : {}),
  });
  const [account] = await provider.listAccounts(tokens);
  if (!account) throw new Error(`${kind}: the sandbox lists no account`);
  return { tokens, account };
}

export async function benchPublish(stack: BenchStack, posts: number): Promise<PublishFigure[]> {
  const sandbox = await startSocialSandbox();
  const config = loadConfig(agentsConfigSchema, {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: stack.databaseUrl,
    DATABASE_POOL_MAX: "6",
    REDIS_URL: stack.redisUrl,
    CHANNEL_SECRETS_KEY: Buffer.alloc(32, 9).toString("base64"),
    AGENT_ROLES: "publisher",
    RECONCILE_INTERVAL_MS: "3600000",
    ALLOW_PRIVATE_CHANNEL_URLS: "true",
    MEDIA_PUBLIC_URL: stack.apiUrl,
    ...sandbox.env,
  });
  const providers = createSocialProviders(config);
  const secrets = channelSecretBox(config);
  const db = createDb({ url: stack.databaseUrl, poolMax: 6 });
  const redis = new Redis(stack.redisUrl);
  const logger = createLogger({
    service: "bench-publish",
    level: "warn",
    destination: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  const prefix = "bench-publish";
  const server = startAgentsServer(config, { db, logger, redis, prefix });
  const producer = createQueueClient({ connection: redisConnection(stack.redisUrl, "producer"), prefix });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
  const owner = await db.tenantMember.findFirstOrThrow({ where: { tenantId: tenant.id, role: "owner" } });
  const figures: PublishFigure[] = [];
  try {
    await Promise.all(server.workers.map((w) => w.waitUntilReady()));
    for (const kind of KINDS) {
      const provider = providers[kind]!;
      const { tokens, account } = await connectAccount(provider, sandbox, kind);
      const run = randomBytes(3).toString("hex");
      const text = (i: number, path: string) => `Bench ${kind} ${run} ${path} post number ${i}: what we learned.`;

      // The client alone.
      const clientStart = performance.now();
      await pool(
        Array.from({ length: posts }, (_, i) => i),
        CONCURRENCY,
        (i) => provider.publish({ text: text(i, "client"), images: [] }, account, tokens),
      );
      const clientSeconds = (performance.now() - clientStart) / 1000;

      // The whole job path: approved activities for a connected channel, one publish job each.
      await db.connectedChannel.deleteMany({
        where: { tenantId: tenant.id, kind, externalAccountId: account.externalId },
      });
      const channel = await db.connectedChannel.create({
        data: {
          tenantId: tenant.id,
          kind,
          name: account.name,
          externalAccountId: account.externalId,
          accountName: account.name,
          accountType: account.type,
          ...tokenColumns(secrets, tokens, account.accountToken),
        },
      });
      const ids = await seedApproved(db, tenant.id, owner.userId, channel.id, kind, posts, (i) => text(i, "job"));
      const jobStart = performance.now();
      await Promise.all(
        ids.map((activityId) => producer.enqueuePublisher({ tenantId: tenant.id, activityId, attempt: 0 })),
      );
      await publishedAll(db, ids);
      const jobSeconds = (performance.now() - jobStart) / 1000;
      figures.push({ kind, posts, clientPerSecond: posts / clientSeconds, jobPerSecond: posts / jobSeconds });
    }
  } finally {
    await server.close();
    await producer.close();
    redis.disconnect();
    await db.$disconnect();
    await sandbox.close();
  }
  return figures;
}

/** `count` client-approved social posts for `channelId`, each with its recorded client approval. */
async function seedApproved(
  db: Db,
  tenantId: string,
  userId: string,
  channelId: string,
  kind: string,
  count: number,
  text: (i: number) => string,
): Promise<string[]> {
  const { plan, period } = await seedWeekPlan(db, tenantId, `Publish bench ${kind}`);
  await db.activity.createMany({
    data: Array.from({ length: count }, (_, slot) => ({
      tenantId,
      planId: plan.id,
      periodId: period.id,
      slot,
      type: "social_post" as const,
      topic: `Bench ${slot}`,
      channel: kind,
      channelId,
      status: "client_approved" as const,
      revision: 1,
    })),
  });
  const activities = await db.activity.findMany({ where: { planId: plan.id }, select: { id: true, slot: true } });
  await db.socialPost.createMany({
    data: activities.map((a) => ({ tenantId, activityId: a.id, channel: kind, text: text(a.slot) })),
  });
  await db.activityEvent.createMany({
    data: activities.map((a) => ({
      tenantId,
      activityId: a.id,
      action: "client_approve",
      actorType: "user" as const,
      actorId: userId,
      fromStatus: "client_review" as const,
      toStatus: "client_approved" as const,
    })),
  });
  return activities.map((a) => a.id);
}

async function publishedAll(db: Db, ids: string[]) {
  for (;;) {
    const left = await db.activity.count({ where: { id: { in: ids }, status: { not: "published" } } });
    const failed = await db.activity.findFirst({ where: { id: { in: ids }, status: "publish_failed" } });
    if (failed) throw new Error(`a bench post failed to publish: ${failed.lastError}`);
    if (left === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The report's lines: one per network, and its ratio. */
export function formatPublishFigures(figures: PublishFigure[]): string[] {
  return figures.map(
    (f) =>
      `  ${f.kind.padEnd(16)} job path ${f.jobPerSecond.toFixed(1).padStart(6)} posts/s   client alone ${f.clientPerSecond.toFixed(1).padStart(6)} posts/s   ratio ${(f.jobPerSecond / f.clientPerSecond).toFixed(3)}   (${f.posts} posts each, ${CONCURRENCY} at a time)`,
  );
}
