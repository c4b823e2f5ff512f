import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, DEMO_ACCOUNTS, migrate, seedDemo } from "@leadmetrics/db";
import {
  createDatabase,
  type LocalPostgres,
  type LocalRedis,
  startPostgres,
  startRedis,
  stopChild,
  takeOverSignals,
} from "@leadmetrics/local-services";
import { type MailSink, startMailSink } from "@leadmetrics/mail-sink";
import { type SocialSandbox, startSocialSandbox } from "@leadmetrics/social-sandbox";
import { devEnvironment } from "./env";
import { DEV_PROCESSES } from "./processes";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = path.join(ROOT, ".data");
const PIDS_FILE = path.join(DATA, "dev-pids.json");
const COLORS = [36, 35, 33, 32, 34, 91, 92, 93, 94, 95, 96];

const say = (msg: string) => process.stdout.write(`\x1b[1;36m[dev]\x1b[0m ${msg}\n`);

function prefixLines(name: string, color: number, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) {
  let buffered = "";
  const label = `\x1b[${color}m[${name}]\x1b[0m `;
  stream.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) out.write(`${label}${line}\n`);
  });
  stream.on("end", () => buffered && out.write(`${label}${buffered}\n`));
}

/** Processes left behind by a run that was killed with SIGKILL: ours if their cwd is in this repo. */
function killLeftovers() {
  if (!existsSync(PIDS_FILE)) return;
  const pids = JSON.parse(readFileSync(PIDS_FILE, "utf8")) as number[];
  for (const pid of pids) {
    try {
      const cwd = spawnSync("readlink", [`/proc/${pid}/cwd`], { encoding: "utf8" }).stdout.trim();
      if (cwd.startsWith(ROOT)) process.kill(-pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
  rmSync(PIDS_FILE, { force: true });
}

/** A postmaster of an earlier, killed run still holds the data directory: stop it first. */
function stopStalePostgres(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    say(`stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && existsSync(pidFile); i++) spawnSync("sleep", ["0.1"]);
  } catch {
    rmSync(pidFile, { force: true });
  }
}

async function waitForUrl(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Any of these set: the real networks are configured, so no sandbox. */
const SOCIAL_KEYS = ["LINKEDIN_CLIENT_ID", "META_APP_ID", "GOOGLE_CLIENT_ID", "X_CLIENT_ID"];

async function start() {
  mkdirSync(DATA, { recursive: true });
  killLeftovers();
  const { env, databaseUrl: givenDb, redisUrl: givenRedis, smtpUrl: givenSmtp } = devEnvironment(ROOT);
  let pg: LocalPostgres | undefined;
  let redis: LocalRedis | undefined;
  let mail: MailSink | undefined;
  let social: SocialSandbox | undefined;
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    await Promise.all(children.map((c) => stopChild(c, 10_000, { group: true })));
    rmSync(PIDS_FILE, { force: true });
    if (mail) await mail.close();
    if (social) await social.close();
    if (redis) await redis.stop();
    if (pg) await pg.stop().catch(() => {});
    say("stopped");
    process.exit(code);
  };
  takeOverSignals(() => void stopAll(0));

  try {
    let databaseUrl = givenDb;
    if (!databaseUrl) {
      const dataDir = path.join(DATA, "postgres");
      stopStalePostgres(dataDir);
      const port = Number(env.DEV_POSTGRES_PORT ?? 54329);
      say(`starting embedded PostgreSQL on :${port} (data in .data/postgres)`);
      pg = await startPostgres({ dataDir, port, persistent: true });
      await createDatabase(pg.adminUrl, "leadmetrics");
      databaseUrl = pg.urlFor("leadmetrics");
    }
    let redisUrl = givenRedis;
    if (!redisUrl) {
      const port = Number(env.DEV_REDIS_PORT ?? 63790);
      say(`starting Redis on :${port} (append-only data in .data/redis)`);
      redis = await startRedis({ dataDir: path.join(DATA, "redis"), port });
      redisUrl = redis.url;
    }
    env.DATABASE_URL = databaseUrl;
    env.REDIS_URL = redisUrl;
    if (!givenSmtp && (env.EMAIL_PROVIDER ?? "smtp") === "smtp") {
      // Every email the platform sends lands here, readable in the browser.
      mail = await startMailSink({
        smtpPort: Number(env.DEV_SMTP_PORT ?? 1025),
        httpPort: Number(env.DEV_MAIL_WEB_PORT ?? 8025),
      });
      env.SMTP_URL = mail.smtpUrl;
      env.DEV_MAIL_WEB_URL = mail.webUrl;
      say(`mail sink: SMTP ${mail.smtpUrl}, inbox ${mail.webUrl}`);
    }
    if (!SOCIAL_KEYS.some((k) => env[k])) {
      // No network's app keys: connect and publish against local servers speaking each network's wire format.
      const port = (name: string, fallback: number) => Number(env[`DEV_SOCIAL_${name}_PORT`] ?? fallback);
      social = await startSocialSandbox({
        linkedin: port("LINKEDIN", 4101),
        meta: port("META", 4102),
        google: port("GOOGLE", 4103),
        x: port("X", 4104),
      });
      Object.assign(env, social.env, { DEV_SOCIAL_SANDBOX: "1" });
      say("social networks: the local sandbox (LinkedIn, Facebook and Instagram, Google Business Profile, X)");
    }

    const applied = await migrate(databaseUrl);
    say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    const db = createDb({ url: databaseUrl, poolMax: 2 });
    await seedDemo(db, env.DEMO_PASSWORD);
    await db.$disconnect();
    say("demo data is in place");

    DEV_PROCESSES.forEach((p, i) => {
      const child = spawn(p.command[0]!, p.command.slice(1), {
        cwd: path.join(ROOT, p.cwd),
        env: { ...env, ...p.env?.(env), FORCE_COLOR: "1" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true, // its own process group, so stopping it stops its children too
      });
      const color = COLORS[i % COLORS.length]!;
      prefixLines(p.name, color, child.stdout!, process.stdout);
      prefixLines(p.name, color, child.stderr!, process.stderr);
      child.on("exit", (code, signal) => {
        if (stopping) return;
        say(`${p.name} exited (${signal ?? code}); stopping everything`);
        void stopAll(1);
      });
      children.push(child);
    });
    writeFileSync(PIDS_FILE, JSON.stringify(children.map((c) => c.pid)));

    for (const p of DEV_PROCESSES) {
      if (p.readyUrl && !(await waitForUrl(p.readyUrl(env), 60_000)))
        say(`${p.name} did not answer ${p.readyUrl(env)} within 60 s`);
    }
    printBanner(env);
  } catch (err) {
    process.stderr.write(`\x1b[1;31m[dev]\x1b[0m ${(err as Error).stack ?? err}\n`);
    await stopAll(1);
  }
}

function printBanner(env: Record<string, string>) {
  const urls = DEV_PROCESSES.filter((p) => p.url).map((p) => `  ${p.name.padEnd(14)} ${p.url!(env)}`);
  const api = `http://localhost:${env.API_PORT ?? "3003"}`;
  const password = env.DEMO_PASSWORD ?? "demo-password-1";
  process.stdout.write(
    [
      "",
      "\x1b[1mLeadmetrics v3 is up.\x1b[0m",
      ...urls,
      `  ${"API docs".padEnd(14)} ${api}/docs  (OpenAPI JSON: ${api}/docs/json)`,
      ...(env.DEV_MAIL_WEB_URL
        ? [`  ${"emails".padEnd(14)} ${env.DEV_MAIL_WEB_URL}  (every email sent, caught locally)`]
        : []),
      ...(env.DEV_SOCIAL_SANDBOX
        ? [`  ${"social".padEnd(14)} local LinkedIn, Meta, Google and X: connect them in the Dashboard's Channels`]
        : []),
      "",
      `\x1b[1mDemo logins\x1b[0m (password: ${password})`,
      `  super-admin    ${DEMO_ACCOUNTS.superAdmin}`,
      `  DM reviewer    ${DEMO_ACCOUNTS.reviewer}`,
      `  Acme Digital   ${DEMO_ACCOUNTS.acmeOwner}`,
      `  Globex         ${DEMO_ACCOUNTS.globexOwner}`,
      "",
      "Press Ctrl+C to stop everything.",
      "",
    ].join("\n"),
  );
}

function run(label: string, command: string, args: string[]): number {
  say(label);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

interface PhaseTiming {
  phase: string;
  seconds: number;
  result: "ok" | "failed" | "not run";
}

/** The end-of-run table of `./dev test`: how long each phase took, so a phase outgrowing CI's budget shows. */
function phaseTable(timings: PhaseTiming[]): string {
  const width = Math.max("phase".length, ...timings.map((t) => t.phase.length));
  const row = (phase: string, seconds: string, state: string) =>
    `  ${phase.padEnd(width)}  ${seconds.padStart(8)}  ${state}`;
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  return [
    row("phase", "seconds", "result"),
    ...timings.map((t) => row(t.phase, t.result === "not run" ? "-" : t.seconds.toFixed(1), t.result)),
    row("total", total.toFixed(1), timings.every((t) => t.result === "ok") ? "ok" : "failed"),
  ].join("\n");
}

async function test() {
  const steps: [string, string, string[]][] = [
    ["typecheck (packages and apps)", "pnpm", ["exec", "turbo", "run", "typecheck", "--output-logs=errors-only"]],
    ["typecheck (scripts)", "pnpm", ["exec", "tsc", "-p", "tsconfig.json"]],
    ["typecheck (end-to-end suite)", "pnpm", ["exec", "tsc", "-p", "e2e/tsconfig.json"]],
    ["lint (Biome)", "pnpm", ["lint"]],
    ["unit and integration tests (vitest, real PostgreSQL + Redis)", "pnpm", ["exec", "vitest", "run"]],
    [
      "production build of the portals",
      "pnpm",
      [
        "exec",
        "turbo",
        "run",
        "build",
        "--filter=./apps/dashboard",
        "--filter=./apps/dm",
        "--filter=./apps/manage",
        "--concurrency=1",
        "--output-logs=errors-only",
      ],
    ],
    ["client bundles hold no server code", "pnpm", ["exec", "tsx", "scripts/security/client-bundles.ts"]],
    [
      "end-to-end tests (Playwright in Chromium, the whole stack)",
      "pnpm",
      ["exec", "playwright", "test", "-c", "e2e/playwright.config.ts"],
    ],
  ];
  const timings: PhaseTiming[] = [];
  for (const [label, command, args] of steps) {
    const started = performance.now();
    const code = run(label, command, args);
    timings.push({ phase: label, seconds: (performance.now() - started) / 1000, result: code === 0 ? "ok" : "failed" });
    if (code !== 0) {
      say(`FAILED: ${label}`);
      const notRun = steps.slice(timings.length).map(([phase]) => ({ phase, seconds: 0, result: "not run" as const }));
      process.stdout.write(`${phaseTable([...timings, ...notRun])}\n`);
      process.exit(code);
    }
  }
  process.stdout.write(`${phaseTable(timings)}\n`);
  say("all checks passed");
}

const cmd = process.argv[2];
if (cmd === "start") await start();
else if (cmd === "test") await test();
else {
  process.stderr.write("usage: ./dev start | ./dev test\n");
  process.exit(2);
}
