import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, type LocalPostgres, type LocalRedis, startPostgres, startRedis } from "@leadmetrics/local-services";
import { testScratchDir } from "@leadmetrics/testing";
import { prepareTemplate } from "../../../../scripts/test/template";

/**
 * Chaos tests stop and start their own PostgreSQL or Redis (never the run's shared ones, which
 * other files are using) and run the servers as real processes, as ./dev and production do.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface RestartableRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A Redis of this file's own, on a fixed port and data dir so a restart comes back the same. */
export async function ownRedis(): Promise<RestartableRedis> {
  const dir = await mkdtemp(path.join(testScratchDir(), "redis-"));
  const port = await freePort();
  let server: LocalRedis | undefined = await startRedis({ dataDir: dir, port });
  return {
    url: server.url,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startRedis({ dataDir: dir, port });
    },
    async close() {
      await server?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RestartablePostgres {
  /** The migrated, seeded database. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL of this file's own (persistent data dir, so a restart keeps every row). */
export async function ownPostgres(): Promise<RestartablePostgres> {
  const root = await mkdtemp(path.join(testScratchDir(), "pg-"));
  await chmod(root, 0o755);
  const dataDir = path.join(root, "pg");
  const port = await freePort();
  let server: LocalPostgres | undefined = await startPostgres({ dataDir, port, persistent: true });
  const url = await server.createDatabase("chaos");
  await prepareTemplate(url);
  return {
    url,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startPostgres({ dataDir, port, persistent: true });
    },
    async close() {
      await server?.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  /** The process's JSON log lines so far. */
  logs: Record<string, unknown>[];
  /** Resolves when a log line's msg matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(signal?: NodeJS.Signals): void;
  stopped: Promise<number | null>;
}

const SERVERS = {
  api: "apps/api",
  agents: "apps/servers/agents",
  notifications: "apps/servers/notifications",
} as const;

/** One of our servers as its own process group, with only the variables given (plus PATH/HOME). */
export function startServer(kind: keyof typeof SERVERS, name: string, env: Record<string, string>): ServerProcess {
  const child = spawn("node", ["--import", "tsx", "src/index.ts"], {
    cwd: path.join(ROOT, SERVERS[kind]),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      // Any free port unless the test names one: the worker servers' defaults are the dev stack's.
      METRICS_PORT: "0",
      ...env,
    },
  });
  const logs: Record<string, unknown>[] = [];
  const waiters: { pattern: RegExp; resolve: (line: Record<string, unknown>) => void }[] = [];
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const raw of lines) {
      if (!raw.startsWith("{")) continue;
      const line = JSON.parse(raw) as Record<string, unknown>;
      logs.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(String(line.msg ?? ""))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const stopped = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name,
    child,
    logs,
    stopped,
    waitForLog(pattern, timeoutMs = 30_000) {
      const seen = logs.find((l) => pattern.test(String(l.msg ?? "")));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name}: no log matching ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
        void stopped.then((code) =>
          reject(new Error(`${name} exited (${code}) before logging ${pattern}; stderr: ${stderr}`)),
        );
      });
    },
    kill(signal = "SIGKILL") {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // already gone
        }
      }
    },
  };
}

/** Sends requests until `done` says the answer is final; returns every answer seen. */
export async function retryUntil<T>(
  attempt: () => Promise<T>,
  done: (answer: T) => boolean,
  { tries = 60, delayMs = 250 } = {},
): Promise<T[]> {
  const seen: T[] = [];
  for (let i = 0; i < tries; i++) {
    const answer = await attempt();
    seen.push(answer);
    if (done(answer)) return seen;
    await new Promise((r) => setTimeout(r, delayMs));
  }
  return seen;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
