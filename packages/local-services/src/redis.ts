import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import net from "node:net";

export interface LocalRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartRedisOptions {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export function redisServerPath(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Starts Debian's redis-server as a child process. The same settings as production:
 * append-only persistence and no eviction (BullMQ must never lose a key to memory pressure).
 */
export async function startRedis(opts: StartRedisOptions): Promise<LocalRedis> {
  const bin = redisServerPath();
  if (!bin) throw new Error("redis-server is not installed (./dev installs it with apt-get)");
  await mkdir(opts.dataDir, { recursive: true });
  const child = spawn(
    bin,
    [
      "--port",
      String(opts.port),
      "--bind",
      "127.0.0.1",
      "--dir",
      opts.dataDir,
      "--save",
      "",
      "--appendonly",
      "yes",
      "--maxmemory-policy",
      "noeviction",
      "--daemonize",
      "no",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = opts.onLog ?? (() => {});
  child.stdout?.on("data", (b: Buffer) => log(b.toString().trimEnd()));
  child.stderr?.on("data", (b: Buffer) => log(b.toString().trimEnd()));
  await waitForRedis(opts.port, child);
  return {
    url: `redis://127.0.0.1:${opts.port}`,
    port: opts.port,
    pid: child.pid ?? -1,
    stop: () => stopChild(child),
  };
}

async function waitForRedis(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

/** One PING over a raw socket: true when Redis answers PONG. */
export function ping(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (b) => done(b.toString().startsWith("+PONG")));
  });
}

/**
 * SIGTERM, then SIGKILL after `graceMs`. With `group`, the signal goes to the child's whole
 * process group (spawned `detached`), so its own children stop with it.
 */
export function stopChild(child: ChildProcess, graceMs = 5_000, opts: { group?: boolean } = {}): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (opts.group) process.kill(-child.pid!, signal);
      else child.kill(signal);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    kill("SIGTERM");
  });
}
