import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { freePort, startRedis } from "../src";

describe("Redis configuration the project ships", () => {
  it("the Redis ./dev and the tests start is append-only with noeviction", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "leadmetrics-redis-config-"));
    const redis = await startRedis({ dataDir: dir, port: await freePort() });
    const client = new Redis(redis.url);
    try {
      expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
      expect(await client.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    } finally {
      client.disconnect();
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("docker-compose's Redis is append-only with noeviction too", () => {
    const compose = readFileSync(new URL("../../../docker-compose.yml", import.meta.url), "utf8");
    const redisService = compose.slice(compose.indexOf("\n  redis:"), compose.indexOf("\n  mongo:"));
    expect(redisService).toMatch(/"--appendonly", "yes"/);
    expect(redisService).toMatch(/"--maxmemory-policy", "noeviction"/);
  });
});
