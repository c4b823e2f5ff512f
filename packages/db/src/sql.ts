import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

/**
 * The thin SQL layer for hot paths (the guard's membership check, the lists people page through
 * all day): a statement is plain SQL declared once with the shape of its rows, run through the
 * same pool as Prisma, as a named prepared statement. Everything else stays on Prisma.
 */
export interface SqlStatement<Row, Params extends unknown[]> {
  readonly text: string;
  /** Type carriers only: never set. */
  readonly row?: Row;
  readonly params?: Params;
}

/** A statement whose first parameter ($1) is the tenant id: only a tenant client runs it, binding its own. */
export interface TenantSqlStatement<Row, Params extends unknown[]> extends SqlStatement<Row, [string, ...Params]> {
  readonly tenantScoped: true;
}

export function sqlStatement<Row, Params extends unknown[] = []>(text: string): SqlStatement<Row, Params> {
  return { text };
}

const FILTERS_BY_TENANT = /"tenantId"\s*=\s*\$1(?!\d)/;
/** One row, its tenant first: `INSERT INTO "X" ("tenantId", …) VALUES ($1, …)`. */
const INSERTS_FOR_TENANT = /^\s*INSERT\s+INTO\s+"\w+"\s*\(\s*"tenantId"\s*,[^)]*\)\s*VALUES\s*\(\s*\$1\s*,/i;
const UPSERT = /\bON\s+CONFLICT\b[\s\S]*\bDO\s+UPDATE\b/i;

/**
 * A tenant statement must filter by `"tenantId" = $1`, or insert one row whose tenant is $1 (an
 * upsert also filters what it updates); checked here, at definition. The tenant client passes its
 * tenant as $1, so the statement cannot read or write another tenant's rows.
 */
export function tenantSqlStatement<Row, Params extends unknown[] = []>(text: string): TenantSqlStatement<Row, Params> {
  const inserts = INSERTS_FOR_TENANT.test(text) && !/\bVALUES\s*\([^;]*\)\s*,\s*\(/i.test(text);
  if (!(inserts && !UPSERT.test(text)) && !FILTERS_BY_TENANT.test(text)) {
    throw new Error(
      'A tenant SQL statement must filter by "tenantId" = $1, or insert one row with "tenantId" first as $1',
    );
  }
  return { text, tenantScoped: true };
}

export interface SqlRunner {
  rows<Row, Params extends unknown[]>(statement: SqlStatement<Row, Params>, ...params: Params): Promise<Row[]>;
}

export interface TenantSqlRunner {
  /** The tenant every statement binds as $1. */
  readonly tenantId: string;
  rows<Row, Params extends unknown[]>(statement: TenantSqlStatement<Row, Params>, ...params: Params): Promise<Row[]>;
}

// Prisma stores DateTime as `timestamp(3)` (no zone) in UTC, and a `@db.Date` as midnight UTC;
// pg would read both as local time. (Write instants as `toISOString()` text cast to timestamp.)
const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const parseUtcDate = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * The connection of the interactive transaction whose callback is running: inside
 * `db.$transaction(async (tx) => …)` the thin SQL layer runs on it, so its statements commit or
 * roll back with Prisma's (createDb records the connection when Prisma opens the transaction).
 */
export interface TransactionSlot {
  client?: pg.PoolClient;
}
export const transactionSlot = new AsyncLocalStorage<TransactionSlot>();

/** Runs a `$transaction(callback)` call so that the transaction it opens is joinable. */
export const joinableTransaction = <T>(open: () => T): T => transactionSlot.run({}, open);

export function createSqlRunner(pool: pg.Pool, onQuery?: (sql: string, params: unknown[]) => void): SqlRunner {
  const typeParsers = {
    getTypeParser: ((oid: number, format?: "text" | "binary") => {
      if (oid === TIMESTAMP_OID) return parseUtcTimestamp;
      if (oid === DATE_OID) return parseUtcDate;
      return pg.types.getTypeParser(oid, format as "text");
    }) as typeof pg.types.getTypeParser,
  };
  return {
    async rows<Row, Params extends unknown[]>(statement: SqlStatement<Row, Params>, ...params: Params) {
      onQuery?.(statement.text, params);
      const result = await (transactionSlot.getStore()?.client ?? pool).query<Record<string, unknown>>({
        text: statement.text,
        values: params as unknown[],
        types: typeParsers,
      });
      return result.rows as Row[];
    },
  };
}

/** The tenant client's runner: its tenant is always $1. */
export function tenantSqlRunner(runner: SqlRunner, tenantId: string): TenantSqlRunner {
  return {
    tenantId,
    rows: (statement, ...params) => runner.rows(statement, tenantId, ...params),
  };
}
