import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PORTALS = ["apps/dashboard", "apps/dm", "apps/manage"];
const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });

// `next dev` writes `.next/dev/types` into next-env.d.ts and `next build` writes `.next/types`: a tracked
// copy is rewritten by one of them whatever it holds, so the file is generated and never tracked.
describe("next-env.d.ts of the portals", () => {
  it.each(PORTALS)("%s: is not tracked and is ignored", (portal) => {
    const file = `${portal}/next-env.d.ts`;
    expect(git("ls-files", "--", file).trim()).toBe("");
    expect(git("check-ignore", "--no-index", file).trim()).toBe(file);
  });

  it.each(PORTALS)("%s: typecheck generates it first, so a fresh clone typechecks before any build", (portal) => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, portal, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.typecheck).toMatch(/^next typegen && tsc /);
  });
});
