import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const BIN = "/usr/bin/redis-benchmark";
export const REDIS_BENCH_ARGS = ["-n", "100000", "-c", "20", "-t", "set,get"];

/**
 * The ceiling under BullMQ: Debian's redis-benchmark SET and GET against the stack's own Redis
 * (append-only, as BullMQ uses it). `undefined` when redis-benchmark is not installed.
 */
export async function benchRedis(redisUrl: string) {
  if (!existsSync(BIN)) return undefined;
  const { hostname, port } = new URL(redisUrl);
  const { stdout } = await promisify(execFile)(BIN, ["-h", hostname, "-p", port, ...REDIS_BENCH_ARGS, "--csv", "-q"]);
  // "test","rps",... then one row per test: "SET","104166.66",...
  const rps = Object.fromEntries(
    stdout
      .split("\n")
      .map((line) => line.replaceAll('"', "").split(","))
      .filter((f) => f.length > 1 && Number(f[1]) > 0)
      .map((f) => [f[0], Math.round(Number(f[1]))]),
  );
  if (!rps.SET || !rps.GET) throw new Error(`unexpected redis-benchmark output:\n${stdout}`);
  return { set: rps.SET as number, get: rps.GET as number };
}
