import { describe, expect, it } from "vitest";
import { ConfigError, env, loadConfig, z } from "../src";

const schema = z.object({ ...env.base, ...env.database, ...env.auth });

describe("loadConfig", () => {
  it("names each missing or malformed variable", () => {
    let error: unknown;
    try {
      loadConfig(schema, { DATABASE_URL: "mysql://nope", JWT_SECRET: "short" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const variables = (error as ConfigError).issues.map((i) => i.variable).sort();
    expect(variables).toEqual(["DATABASE_URL", "JWT_SECRET"]);
    expect((error as Error).message).toMatch(/JWT_SECRET: must be at least 32 characters/);
  });

  it("says when a required variable is not set at all", () => {
    expect(() => loadConfig(schema, { JWT_SECRET: "x".repeat(32) })).toThrow(/DATABASE_URL: is required but not set/);
  });

  it("applies defaults and coerces types", () => {
    const config = loadConfig(schema, {
      DATABASE_URL: "postgresql://u:p@localhost:5432/db",
      JWT_SECRET: "x".repeat(32),
      COOKIE_SECURE: "false",
    });
    expect(config).toMatchObject({
      NODE_ENV: "development",
      DATABASE_POOL_MAX: 10,
      COOKIE_SECURE: false,
      ACCESS_TOKEN_TTL_SECONDS: 900,
    });
  });
});
