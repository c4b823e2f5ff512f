import { createHash } from "node:crypto";
import pg from "pg";

/**
 * A `pg` client class that sends every data statement as a named prepared statement: PostgreSQL
 * parses and plans a statement text once per connection instead of on every execution. Prisma
 * sends its statements unnamed; on the hot paths (the tenant guard's three-table join, list
 * queries) parsing and planning cost more than running them (measured: two prepared statements
 * per request served more requests per second than one unprepared).
 *
 * Names are bounded: each named text lives on every pooled connection for the connection's life,
 * so texts with many parameters (bulk inserts, long IN lists: their text varies with the row
 * count) stay unnamed, and after `maxStatements` distinct texts new ones stay unnamed too.
 */
export interface PreparedStatementOptions {
  /** Distinct statement texts that get a name, per process. */
  maxStatements?: number;
  /** Statements with more parameters than this stay unnamed. */
  maxParameters?: number;
}

const DATA_STATEMENT = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

export function preparingClientClass(opts: PreparedStatementOptions = {}): typeof pg.Client {
  const maxStatements = opts.maxStatements ?? 400;
  const maxParameters = opts.maxParameters ?? 64;
  const names = new Map<string, string>();

  const nameOf = (text: string, parameterCount: number): string | undefined => {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (names.size >= maxStatements || parameterCount > maxParameters || !DATA_STATEMENT.test(text)) return undefined;
    const name = `lm_${createHash("sha1").update(text).digest("base64url")}`;
    names.set(text, name);
    return name;
  };

  class PreparingClient extends pg.Client {}
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  PreparingClient.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    if (isPlainConfig(config)) {
      const values = config.values ?? (Array.isArray(rest[0]) ? rest[0] : []);
      const name = nameOf(config.text, values.length);
      if (name !== undefined) return query.call(this, { ...config, name }, ...rest);
    }
    return query.call(this, config, ...rest);
  } as typeof pg.Client.prototype.query;
  return PreparingClient;
}

function isPlainConfig(config: unknown): config is { text: string; name?: string; values?: unknown[] } {
  if (typeof config !== "object" || config === null) return false;
  const c = config as { text?: unknown; name?: unknown; submit?: unknown };
  return typeof c.text === "string" && c.name === undefined && typeof c.submit !== "function";
}
