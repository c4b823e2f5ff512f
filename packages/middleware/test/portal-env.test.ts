import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PortalEnvError, parsePortalEnv, portalEnvSchema } from "../src/index";

const SECRET = "a-portal-test-secret-of-at-least-32-chars";

const problems = (env: Record<string, string | undefined>) => {
  try {
    parsePortalEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(PortalEnvError);
    return (err as PortalEnvError).issues;
  }
  throw new Error("the environment was accepted");
};

describe("portal environment", () => {
  it("names a missing JWT_SECRET, and a short one", () => {
    expect(problems({})).toEqual([{ variable: "JWT_SECRET", problem: "is required but not set" }]);
    expect(problems({ JWT_SECRET: "short" })).toEqual([
      { variable: "JWT_SECRET", problem: "must be at least 32 characters" },
    ]);
    expect(() => parsePortalEnv({})).toThrow(/JWT_SECRET: is required but not set/);
  });

  it("applies one default per variable, and treats an empty optional one as not set", () => {
    expect(parsePortalEnv({ JWT_SECRET: SECRET, JWT_SECRET_PREVIOUS: "", COOKIE_DOMAIN: "" })).toEqual({
      API_URL: "http://127.0.0.1:3003",
      PUBLIC_API_URL: "http://localhost:3003",
      JWT_SECRET: SECRET,
      JWT_SECRET_PREVIOUS: undefined,
      COOKIE_SECURE: true,
      COOKIE_DOMAIN: undefined,
      SUPPORT_EMAIL: "support@leadmetrics.local",
      DM_URL: "http://localhost:3002",
    });
  });

  it("reads every variable it is given, the previous secret of a rotation included", () => {
    const env = parsePortalEnv({
      API_URL: "http://api.internal:3003",
      PUBLIC_API_URL: "https://api.example.com",
      JWT_SECRET: SECRET,
      JWT_SECRET_PREVIOUS: `${SECRET}-old`,
      COOKIE_SECURE: "false",
      COOKIE_DOMAIN: ".example.com",
    });
    expect(env).toMatchObject({
      API_URL: "http://api.internal:3003",
      PUBLIC_API_URL: "https://api.example.com",
      JWT_SECRET_PREVIOUS: `${SECRET}-old`,
      COOKIE_SECURE: false,
      COOKIE_DOMAIN: ".example.com",
    });
  });

  it("names each malformed variable", () => {
    expect(
      problems({
        JWT_SECRET: SECRET,
        API_URL: "not a url",
        PUBLIC_API_URL: "ftp://files.example",
        COOKIE_SECURE: "on",
      }),
    ).toEqual([
      { variable: "API_URL", problem: "must be an http(s) URL" },
      { variable: "PUBLIC_API_URL", problem: "must be an http(s) URL" },
      { variable: "COOKIE_SECURE", problem: expect.stringContaining("true") },
    ]);
    expect(problems({ JWT_SECRET: SECRET, JWT_SECRET_PREVIOUS: "short" })).toEqual([
      { variable: "JWT_SECRET_PREVIOUS", problem: "must be at least 32 characters" },
    ]);
  });

  it("has every variable documented in .env.example", () => {
    const example = readFileSync(path.resolve(import.meta.dirname, "../../../.env.example"), "utf8");
    const documented = new Set(
      example
        .split("\n")
        .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line.trim())?.[1])
        .filter((name): name is string => !!name),
    );
    expect(Object.keys(portalEnvSchema.shape).filter((name) => !documented.has(name))).toEqual([]);
  });
});
