import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { stopChild } from "@leadmetrics/local-services";
import { type MailSink, startMailSink } from "@leadmetrics/mail-sink";
import { createTestDatabase, testRedisUrl, testScratchDir, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickStackPorts, stackProcesses, waitForReady } from "../../e2e/stack";
import { type BuiltServer, buildServer, ROOT } from "./server";

/** Every module specifier the bundle loads: imports, re-exports, `import()` and `require()`. */
const specifiers = (code: string) =>
  [
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*(?:import|export)\s[^;"'=]*?\sfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/(?:\bimport|\brequire|__require)\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);

/** A TypeScript loader: tsx, or esbuild, which tsx runs. */
const LOADER = /esbuild|\/tsx[@/]/;

/** Targets of the asset URLs the build wrote (`new URL("./assets/…", import.meta.url)`). */
const assetUrls = (code: string) =>
  [...code.matchAll(/new URL\("(\.\/assets\/[^"]+)", import\.meta\.url\)/g)].map((m) => m[1]!);

let outdir = "";
const built = {} as Record<"api" | "notifications", BuiltServer>;
const bundle = {} as Record<"api" | "notifications", string>;
const children: ChildProcess[] = [];
let mail: MailSink | undefined;

beforeAll(async () => {
  // Under the run's scratch folder: a server left running there is killed when the run ends.
  outdir = await mkdtemp(path.join(testScratchDir(), "server-build-"));
  [built.api, built.notifications] = await Promise.all([
    buildServer(path.join(ROOT, "apps/api"), path.join(outdir, "api")),
    buildServer(path.join(ROOT, "apps/servers/notifications"), path.join(outdir, "notifications")),
  ]);
  bundle.api = await readFile(built.api.outfile, "utf8");
  bundle.notifications = await readFile(built.notifications.outfile, "utf8");
});

afterAll(async () => {
  await Promise.all(children.map((c) => stopChild(c, 10_000)));
  await mail?.close();
});

describe("the production build of the servers", () => {
  it("bundles the workspace packages and loads third-party packages by a path that resolves from the bundle", () => {
    for (const name of ["api", "notifications"] as const) {
      const outputDir = path.dirname(built[name].outfile);
      const loaded = specifiers(bundle[name]);
      expect(loaded.length, name).toBeGreaterThan(10);
      for (const spec of loaded) {
        expect(spec, `${name} imports a workspace package instead of bundling it`).not.toMatch(/^@leadmetrics\//);
        expect(spec, `${name} loads a TypeScript loader`).not.toMatch(LOADER);
        if (spec.startsWith("node:")) continue;
        expect(spec, `${name}: a bare specifier would resolve from the server, not its importer`).toMatch(/^\.\.?\//);
        if (!spec.startsWith("./assets/")) expect(existsSync(path.resolve(outputDir, spec)), spec).toBe(true);
      }
      // Third-party code stays in node_modules: esbuild heads each bundled file with its path.
      expect(bundle[name]).not.toMatch(/^\/\/ .*node_modules\//m);
    }
  });

  it("copies what the code reads at run time next to the bundle and points it there", async () => {
    const assets = (name: "api" | "notifications") =>
      assetUrls(bundle[name]).map((url) => path.resolve(path.dirname(built[name].outfile), url));
    const templates = path.join(ROOT, "apps/servers/notifications/src/templates");
    const migrations = path.join(ROOT, "packages/db/prisma/migrations");
    expect(built.notifications.assets).toEqual([path.relative(ROOT, templates), path.relative(ROOT, migrations)]);
    for (const name of ["api", "notifications"] as const) {
      for (const dir of assets(name)) expect(existsSync(dir), dir).toBe(true);
    }
    const list = async (dir: string) => (await readdir(dir, { recursive: true })).sort();
    const copied = assets("notifications");
    expect(await list(copied.find((d) => d.endsWith("templates"))!)).toEqual(await list(templates));
    expect(await list(copied.find((d) => d.endsWith("migrations"))!)).toEqual(await list(migrations));
  });

  it("runs the API and the notifications server as plain `node dist/index.js`, with no TypeScript loader", async () => {
    mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
    const stack = stackProcesses(ROOT, await pickStackPorts(), {
      databaseUrl: await createTestDatabase(),
      redisUrl: testRedisUrl(),
      smtpUrl: mail.smtpUrl,
      jwtSecret: randomBytes(32).toString("hex"),
      channelSecretsKey: randomBytes(32).toString("base64"),
    });
    const queuePrefix = `q${uniqueKeyPrefix().slice(0, -1)}`;
    const started = await Promise.all(
      (["api", "notifications"] as const).map(async (name) => {
        const p = stack.find((s) => s.name === name)!;
        expect(p.command).toEqual(["node", "dist/index.js"]);
        let stderr = "";
        // Run from the temporary build, with a working directory outside the checkout and no
        // NODE_OPTIONS: nothing but the bundle and node_modules can be found.
        const child = spawn(process.execPath, [built[name].outfile], {
          cwd: path.dirname(built[name].outfile),
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...p.env, QUEUE_PREFIX: queuePrefix },
          stdio: ["ignore", "ignore", "pipe"],
        });
        child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
        children.push(child);
        const exited = new Promise<string>((resolve) =>
          child.once("exit", (code, signal) => resolve(`${name} exited with ${signal ?? code}: ${stderr}`)),
        );
        await waitForReady(p.readyUrl, exited, 40_000);
        return { name, child, p };
      }),
    );

    for (const { name, child, p } of started) {
      expect((await fetch(p.readyUrl)).status, name).toBe(200);
      const pid = child.pid!;
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0").filter(Boolean);
      expect(cmdline, name).toEqual([process.execPath, built[name].outfile]);
      // tsx would map esbuild's binary or run it as a child process (`esbuild --service`).
      expect(await readFile(`/proc/${pid}/maps`, "utf8"), name).not.toMatch(LOADER);
      const childrenOf = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
      for (const kid of childrenOf.split(" ").filter(Boolean)) {
        expect(await readFile(`/proc/${kid}/cmdline`, "utf8"), name).not.toMatch(LOADER);
      }
    }

    // A real request through the bundle: Prisma, argon2 and the token signer all load from node_modules.
    const api = started.find((s) => s.name === "api")!.p;
    const login = await fetch(`http://127.0.0.1:${api.port}/auth/v1/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO_ACCOUNTS.acmeOwner, password: DEFAULT_DEMO_PASSWORD, portal: "dashboard" }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { accessToken?: string }).accessToken).toEqual(expect.any(String));
  }, 60_000);
});
