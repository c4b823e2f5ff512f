import { randomBytes } from "node:crypto";
import { createDatabase } from "@leadmetrics/local-services";
import { inject } from "vitest";
import "./constants";

export { TEMPLATE_DATABASE } from "./constants";

const suffix = () => randomBytes(6).toString("hex");

/** A fresh database for one test file: a copy of the migrated, seeded template (~50 ms). */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject("pgAdminUrl");
  const name = `test_${suffix()}`;
  // Copies of one template can collide when files start together: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await createDatabase(adminUrl, name, inject("templateDatabase"));
      break;
    } catch (err) {
      if (attempt >= 10 || !/is being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh folder under the run's scratch folder (servers started in it are killed at the end of the run). */
export const testScratchDir = (): string => inject("scratchDir");

/** The run's Redis. Give each test file its own key prefix so files never see each other's keys. */
export const testRedisUrl = (): string => inject("redisUrl");
export const uniqueKeyPrefix = (): string => `t${suffix()}:`;

/** Polls `fn` until it returns a truthy value or the time runs out. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  stepMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ""}`);
}
