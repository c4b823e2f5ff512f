import { Writable } from "node:stream";
import { loadConfig } from "@leadmetrics/config";
import { createDb, type Db, sqlStatement, uuidv7 } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createQueueClient, redisConnection } from "@leadmetrics/queue";
import { agentsConfigSchema } from "@leadmetrics/server-agents/config";
import { startAgentsServer } from "@leadmetrics/server-agents/server";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { type BenchStack, seedBenchPlan } from "./stack";

const CONCURRENCY = 2;

/** Baseline: BullMQ moving no-op jobs through the same Redis, at the writers' concurrency. */
async function rawNoop(stack: BenchStack, jobs: number) {
  const connection = redisConnection(stack.redisUrl, "worker");
  const queue = new Queue("bench__noop", { connection, prefix: "bench-raw" });
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const worker = new Worker("bench__noop", async () => undefined, {
    connection,
    prefix: "bench-raw",
    concurrency: CONCURRENCY,
  });
  worker.on("completed", () => ++done === jobs && finish());
  await worker.waitUntilReady();
  const start = performance.now();
  await queue.addBulk(
    Array.from({ length: jobs }, (_, i) => ({ name: "noop", data: { i }, opts: { removeOnComplete: true } })),
  );
  await finished;
  const seconds = (performance.now() - start) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobs, seconds, jobsPerSecond: jobs / seconds };
}

/**
 * The agents server as production wires it (the blog writer only, the offline adapter at zero
 * delay), in this process on `db`, with a producer for its queues.
 */
export async function startBenchAgents(stack: BenchStack, db: Db, prefix: string) {
  const config = loadConfig(agentsConfigSchema, {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: stack.databaseUrl,
    DATABASE_POOL_MAX: "6",
    REDIS_URL: stack.redisUrl,
    CHANNEL_SECRETS_KEY: Buffer.alloc(32, 7).toString("base64"),
    AGENT_ROLES: "blog-writer",
    RECONCILE_INTERVAL_MS: "3600000",
  });
  const logger = createLogger({
    service: "bench-agents",
    level: "warn",
    destination: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  const redis = new Redis(stack.redisUrl);
  const server = startAgentsServer(config, { db, logger, redis, prefix });
  const producer = createQueueClient({ connection: redisConnection(stack.redisUrl, "producer"), prefix });
  await Promise.all(server.workers.map((w) => w.waitUntilReady()));
  return {
    producer,
    async close() {
      await server.close();
      await producer.close();
      redis.disconnect();
    },
  };
}

/** A statement as the pipeline sent it: Prisma's text and its parameters. */
interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Measured: blog-writer jobs through the real pipeline — payload validation, tenant-scoped loads,
 * prompt build, the offline adapter, one transaction (version, transition, event, audit, credits)
 * and the follow-up notification enqueue through the outbox. The first job runs alone first and
 * its statements are recorded: the baseline replays them.
 */
async function pipelineDrafts(stack: BenchStack, jobs: number) {
  let recording: Statement[] | undefined;
  const db = createDb({
    url: stack.databaseUrl,
    poolMax: 6,
    onQuery: (sql, params) => recording?.push({ sql, params }),
  });
  const { tenant, plan } = await seedBenchPlan(db, {
    name: "bench",
    count: 2 * jobs + 1,
    topic: "Bench topic",
    statusOf: () => "drafting",
  });
  await db.creditBalance.update({ where: { tenantId: tenant.id }, data: { available: 1_000_000 } });
  const activities = (
    await db.activity.findMany({ where: { planId: plan.id }, select: { id: true }, orderBy: { slot: "asc" } })
  ).map((a) => a.id);
  const [template, ...rest] = activities as [string, ...string[]];

  const agents = await startBenchAgents(stack, db, "bench-pipeline");
  const draft = (activityId: string) =>
    agents.producer.enqueueDraft("blog-writer", {
      tenantId: tenant.id,
      activityId,
      revision: 1,
      wakeReason: "new_task",
    });
  // The template job: alone, recorded (the polling above is not: it runs on its own client).
  const poll = createDb({ url: stack.databaseUrl, poolMax: 1 });
  recording = [];
  const templateStart = Date.now();
  await draft(template);
  await settledWith(poll, [template]);
  const statements = recording;
  recording = undefined;

  const measured = rest.slice(0, jobs);
  const start = performance.now();
  await Promise.all(measured.map(draft));
  await settledWith(poll, measured);
  const seconds = (performance.now() - start) / 1000;
  await agents.close();
  await poll.$disconnect();
  await db.$disconnect();
  return {
    pipeline: { jobs, seconds, jobsPerSecond: jobs / seconds },
    template: { activityId: template, statements, mintedFrom: templateStart },
    spare: rest.slice(jobs),
  };
}

const unsettled = sqlStatement<{ n: number }, [ids: string[]]>(
  `SELECT (SELECT count(*) FROM "Activity" WHERE "id" = ANY($1::uuid[]) AND "status" = 'drafting')::int
        + (SELECT count(*) FROM "OutboxJob")::int AS "n"`,
);

/**
 * Until the activities have left drafting and the outbox is empty, read through `db`: one plain
 * statement per poll (the poll shares the measured process; it must not cost it a compiled query).
 */
async function settledWith(db: ReturnType<typeof createDb>, ids: string[]) {
  for (;;) {
    const [row] = await db.$sql.rows(unsettled, ids);
    if (row?.n === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A UUID version 7 minted at or after `since` (ms): an id the template job generated. */
const mintedSince = (value: string, since: number) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) &&
  Number.parseInt(value.slice(0, 8) + value.slice(9, 13), 16) >= since;

/** The value an `INSERT INTO … (…, "id", …) VALUES (…)` binds to its "id" column (any kind of id). */
function insertedId(sql: string, params: unknown[]): unknown {
  const insert = /^\s*INSERT INTO [^(]+\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)/.exec(sql);
  if (!insert) return undefined;
  const at = insert[1]!.split(",").findIndex((c) => c.trim() === '"id"');
  const placeholder = /^\s*\$(\d+)/.exec(insert[2]!.split(",")[at] ?? "");
  return placeholder ? params[Number(placeholder[1]) - 1] : undefined;
}

/**
 * The floor under a pipeline job: raw BullMQ jobs at the same concurrency, each replaying the
 * template job's statements through bare `pg` (unnamed statements, one connection per job; the
 * statements up to each recorded COMMIT in one transaction) for an activity of its own: the template's
 * activity id is replaced by the job's, and every id of a row it inserted (and every other UUIDv7
 * it minted) by a fresh one.
 */
async function rawSameSql(
  stack: BenchStack,
  template: { activityId: string; statements: Statement[]; mintedFrom: number },
  ids: string[],
) {
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 6 });
  // The statements up to each COMMIT run as one transaction.
  const groups: { statements: Statement[]; commits: boolean }[] = [{ statements: [], commits: false }];
  for (const statement of template.statements) {
    const last = groups[groups.length - 1]!;
    if (statement.sql !== "COMMIT") last.statements.push(statement);
    else {
      last.commits = true;
      groups.push({ statements: [], commits: false });
    }
  }
  const replay = async (activityId: string) => {
    const fresh = new Map<string, string>([[template.activityId, activityId]]);
    const map = (value: unknown): unknown => {
      if (typeof value !== "string") return value;
      let out = value;
      for (const [from, to] of fresh) if (out.includes(from)) out = out.split(from).join(to);
      return out;
    };
    const client = await pool.connect();
    try {
      for (const group of groups) {
        if (group.commits) await client.query("BEGIN");
        for (const { sql, params } of group.statements) {
          const inserted = insertedId(sql, params);
          if (typeof inserted === "string" && !fresh.has(inserted)) fresh.set(inserted, uuidv7());
          for (const p of params)
            if (typeof p === "string" && !fresh.has(p) && mintedSince(p, template.mintedFrom)) fresh.set(p, uuidv7());
          await client.query(sql, params.map(map));
        }
        if (group.commits) await client.query("COMMIT");
      }
    } finally {
      client.release();
    }
  };
  const connection = redisConnection(stack.redisUrl, "worker");
  const queue = new Queue("bench__sql", { connection, prefix: "bench-raw" });
  let done = 0;
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const worker = new Worker("bench__sql", async (job) => replay(job.data.activityId as string), {
    connection,
    prefix: "bench-raw",
    concurrency: CONCURRENCY,
  });
  worker.on("completed", () => ++done === ids.length && finish());
  // A replay that fails (a statement the mapping missed) ends the bench instead of hanging it.
  worker.on("failed", (_job, err) => fail(err));
  await worker.waitUntilReady();
  const start = performance.now();
  await queue.addBulk(
    ids.map((activityId) => ({ name: "sql", data: { activityId }, opts: { removeOnComplete: true } })),
  );
  await finished;
  const seconds = (performance.now() - start) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await pool.end();
  return { jobs: ids.length, seconds, jobsPerSecond: ids.length / seconds };
}

export async function benchQueue(stack: BenchStack, jobs = 300) {
  const raw = await rawNoop(stack, jobs * 5);
  const { pipeline, template, spare } = await pipelineDrafts(stack, jobs);
  const rawSql = await rawSameSql(stack, template, spare);
  return {
    raw,
    rawSql,
    pipeline,
    statements: template.statements.map((t) => t.sql),
    statementsPerJob: template.statements.length,
    ratio: pipeline.jobsPerSecond / rawSql.jobsPerSecond,
  };
}
