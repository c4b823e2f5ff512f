import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

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
}

export type Db = PrismaClient;

/** The one PostgreSQL client of a process. Create it once at start and pass it down. */
export function createDb(opts: CreateDbOptions): Db {
  const adapter = new PrismaPg({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
  });
  if (!opts.onQuery) return new PrismaClient({ adapter });
  const onQuery = opts.onQuery;
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => onQuery(e.query, parseParams(e.params)));
  return client as unknown as Db;
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
