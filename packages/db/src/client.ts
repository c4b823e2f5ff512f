import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { createPlanCache, type DataModel, type PlanCache } from "./plan-cache";
import { preparingClientClass } from "./prepared-statements";
import { createSqlRunner, type SqlRunner } from "./sql";

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
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
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
  return Object.assign(client, { $sql, $planCache });
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
