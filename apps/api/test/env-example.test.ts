import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { agentsConfigSchema } from "@leadmetrics/server-agents/config";
import { notificationsConfigSchema } from "@leadmetrics/server-notifications/config";
import { describe, expect, it } from "vitest";
import { apiConfigSchema } from "../src/config";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Every variable .env.example names, commented-out optional ones included (`# NAME=`). */
const documented = new Set(
  readFileSync(path.join(ROOT, ".env.example"), "utf8")
    .split("\n")
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line.trim())?.[1])
    .filter((name): name is string => !!name),
);

describe(".env.example", () => {
  it.each([
    ["api", apiConfigSchema],
    ["agents", agentsConfigSchema],
    ["notifications", notificationsConfigSchema],
  ])("lists every variable the %s process reads", (_name, schema) => {
    const names = Object.keys(schema.shape);
    expect(names.length).toBeGreaterThan(10);
    const missing = names.filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
