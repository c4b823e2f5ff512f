import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { createPlanCache, type DataModel, type PlanCache } from "./plan-cache";
import { preparingClientClass } from "./prepared-statements";
import { createSqlRunner, joinableTransaction, type SqlRunner, transactionSlot } from "./sql";

export interface CreateDbOptions {
  url: string;
  /** Pool size per process: set explicitly, never left to a library default. */
  poolMax?: number;
  /** How long a query waits for a free connection before failing, in ms. */
  connectionTimeoutMs?: number;
  /**
   * Called with every SQL statement sent and its parameters (tests count the queries of an
   * operation, or EXPLAIN them, with it).
   */
  onQuery?: (sql: string, params: unknown[]) => void;
  /**
   * Send statements as named prepared statements (default true). Turn off behind a pooler in
   * transaction mode, which cannot keep a statement prepared on one server connection.
   */
  preparedStatements?: boolean;
  /** Keep each query shape's compiled plan (default true; packages/db/src/plan-cache.ts). */
  planCache?: boolean;
}

/** Prisma, and the thin SQL layer (`$sql`) for hot paths, on one pool. */
export type Db = PrismaClient & { readonly $sql: SqlRunner; readonly $planCache?: PlanCache };

/** The one PostgreSQL client of a process. Create it once at start and pass it down. */
export function createDb(opts: CreateDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    ...(opts.preparedStatements === false ? {} : { Client: preparingClientClass() }),
  });
  // An idle connection the server closed is dropped by the pool (the next query opens another);
  // unheard, the pool's error event would end the process (Prisma listens only once it connects).
  pool.on("error", () => {});
  const adapter = joinableTransactions(new PrismaPg(pool, { disposeExternalPool: true }));
  const $sql = createSqlRunner(pool, opts.onQuery);
  let client: PrismaClient;
  if (opts.onQuery) {
    const onQuery = opts.onQuery;
    const logging = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
    logging.$on("query", (e) => onQuery(e.query, parseParams(e.params)));
    client = logging as unknown as PrismaClient;
  } else client = new PrismaClient({ adapter });
  // The patched Prisma runtime finds the plan cache on the adapter it was given; the cache reads
  // the client's schema to know which values bind as they are.
  const $planCache =
    opts.planCache === false
      ? undefined
      : createPlanCache((client as unknown as { _runtimeDataModel: DataModel })._runtimeDataModel);
  Object.assign(adapter, { planCache: $planCache });
  // An interactive transaction's callback runs with a slot that receives its connection. Unbound:
  // an extended client (a tenant's) calls it as its own, and Prisma builds the transaction from `this`.
  const $transaction = client.$transaction as (this: unknown, ...args: unknown[]) => Promise<unknown>;
  const joinable = function (this: unknown, ...args: unknown[]) {
    return typeof args[0] === "function"
      ? joinableTransaction(() => $transaction.apply(this, args))
      : $transaction.apply(this, args);
  } as PrismaClient["$transaction"];
  // A client used only through `$sql` never connected Prisma's adapter, which ends the pool.
  const disconnect = client.$disconnect.bind(client);
  const $disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  return Object.assign(client, { $sql, $planCache, $transaction: joinable, $disconnect });
}

/** What the adapter gives Prisma for a transaction: its pooled connection is `client`. */
interface AdapterTransaction {
  client: pg.PoolClient;
}

/**
 * Records each interactive transaction's connection in the slot of the `$transaction` call that
 * opened it: the thin SQL layer then runs inside that transaction (packages/db/src/sql.ts).
 */
function joinableTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const tx = await start(...args);
      const slot = transactionSlot.getStore();
      if (slot && !slot.client) slot.client = (tx as unknown as AdapterTransaction).client;
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** Prisma reports a statement's parameters as one JSON text. */
function parseParams(text: string): unknown[] {
  try {
    const params: unknown = JSON.parse(text);
    return Array.isArray(params) ? params : [];
  } catch {
    return [];
  }
}
