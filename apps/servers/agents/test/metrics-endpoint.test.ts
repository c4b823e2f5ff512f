import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, describe, expect, it } from "vitest";

/** The agents server as ./dev runs it (production runs the same file compiled): its metrics server is wired in src/index.ts. */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "agents-metrics-test-token-0123";
let child: ChildProcess | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
});

describe("agents server process", () => {
  it("serves GET /metrics behind METRICS_TOKEN on METRICS_PORT, with every role's queue", async () => {
    child = spawn("node", ["--import", "tsx", "src/index.ts"], {
      cwd: DIR,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "test",
        LOG_FORMAT: "json",
        DATABASE_URL: await createTestDatabase(),
        DATABASE_POOL_MAX: "2",
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: `q${uniqueKeyPrefix().slice(0, -1)}`,
        CHANNEL_SECRETS_KEY: randomBytes(32).toString("base64"),
        RECONCILE_INTERVAL_MS: "3600000",
        METRICS_TOKEN: TOKEN,
        METRICS_PORT: "0",
        METRICS_HOST: "127.0.0.1",
      },
    });
    const started = await new Promise<Record<string, unknown>>((resolve, reject) => {
      let buf = "";
      child!.stdout!.on("data", (chunk: Buffer) => {
        buf += chunk.toString();
        for (const line of buf.split("\n")) if (line.includes("agents server started")) resolve(JSON.parse(line));
      });
      child!.once("exit", (code) => reject(new Error(`agents server exited with ${code}`)));
    });
    expect(started.tracing).toBe(false); // no OTEL_EXPORTER_OTLP_ENDPOINT
    const base = `http://127.0.0.1:${started.metricsPort as number}`;
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    for (const queue of ["agent__activity-planner", "agent__blog-writer", "agent__publisher"]) {
      expect(body).toContain(`bullmq_jobs_completed_total{queue="${queue}"} 0`);
      expect(body).toContain(`bullmq_queue_jobs{queue="${queue}",state="waiting"} 0`);
    }
    expect(body).toContain("process_resident_memory_bytes");
  });
});
