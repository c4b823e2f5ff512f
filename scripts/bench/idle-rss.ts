/**
 * `pnpm bench:idle`: idle memory of the API, the agents and the notifications server run compiled
 * (`node dist/index.js`, as production runs them; also with `--enable-source-maps`) and through tsx
 * (`node --import tsx src/index.ts` as `./dev start` runs them, and the `tsx` CLI, which runs the
 * server in a second node process). Each is started against a throwaway stack, left idle 10 s
 * (IDLE_SECONDS) once ready, then its VmRSS summed over its process tree; median of IDLE_ROUNDS.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, migrate, seedDemo } from "@leadmetrics/db";
import { freePort, startPostgres, startRedis, stopChild } from "@leadmetrics/local-services";
import { startMailSink } from "@leadmetrics/mail-sink";
import { pickStackPorts, stackProcesses, waitForReady } from "../../e2e/stack";
import { buildServers } from "../build/server";
import { ROOT } from "./stack";

const idleSeconds = Number(process.env.IDLE_SECONDS ?? 10);
const rounds = Number(process.env.IDLE_ROUNDS ?? 3);
const SERVERS = ["api", "agents", "notifications"] as const;
const ALL_MODES: Record<string, string[]> = {
  compiled: ["node", "dist/index.js"],
  "compiled, source maps": ["node", "--enable-source-maps", "dist/index.js"],
  "node --import tsx": ["node", "--import", "tsx", "src/index.ts"],
  "tsx CLI": ["node", path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/index.ts"],
};
// IDLE_MODES="compiled,tsx CLI" measures only those.
const MODES = Object.fromEntries(
  Object.entries(ALL_MODES).filter(([m]) => !process.env.IDLE_MODES || process.env.IDLE_MODES.split(",").includes(m)),
);

/** KiB of VmRSS of `pid` and every process under it, with their names. */
function treeRss(pid: number): { kib: number; names: string[] } {
  const procs = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const status = readFileSync(`/proc/${d}/status`, "utf8");
        const field = (key: string) => status.match(new RegExp(`^${key}:\\s*(.*)$`, "m"))?.[1] ?? "";
        return [
          { pid: Number(d), ppid: Number(field("PPid")), name: field("Name"), kib: parseInt(field("VmRSS"), 10) || 0 },
        ];
      } catch {
        return [];
      }
    });
  const tree = (p: number): typeof procs =>
    procs
      .filter((c) => c.pid === p)
      .flatMap((c) => [c, ...procs.filter((k) => k.ppid === p).flatMap((k) => tree(k.pid))]);
  const members = tree(pid);
  return { kib: members.reduce((n, p) => n + p.kib, 0), names: members.map((p) => p.name) };
}

const dir = await mkdtemp(path.join(tmpdir(), "leadmetrics-idle-rss-"));
await chmod(dir, 0o755);
const pg = await startPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
const redis = await startRedis({ dataDir: path.join(dir, "redis"), port: await freePort() });
const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
const results: Record<string, Record<string, number[]>> = {};
const trees: Record<string, string> = {};
try {
  await buildServers();
  for (let round = 0; round < rounds; round++) {
    for (const [mode, command] of Object.entries(MODES)) {
      // A fresh database each time: nothing one run left behind changes what the next one holds.
      const databaseUrl = await pg.createDatabase(`idle_${Object.keys(MODES).indexOf(mode)}_${round}`);
      await migrate(databaseUrl);
      const db = createDb({ url: databaseUrl, poolMax: 1 });
      await seedDemo(db);
      await db.$disconnect();
      const processes = stackProcesses(ROOT, await pickStackPorts(), {
        databaseUrl,
        redisUrl: redis.url,
        smtpUrl: mail.smtpUrl,
        jwtSecret: randomBytes(32).toString("hex"),
        channelSecretsKey: randomBytes(32).toString("base64"),
      }).filter((p) => (SERVERS as readonly string[]).includes(p.name));
      const children: ChildProcess[] = [];
      try {
        await Promise.all(
          processes.map((p) => {
            const child = spawn(command[0]!, command.slice(1), {
              cwd: p.cwd,
              env: { ...process.env, ...p.env, QUEUE_PREFIX: `idle${Object.keys(MODES).indexOf(mode)}r${round}` },
              stdio: ["ignore", "ignore", "inherit"],
            });
            children.push(child);
            const exited = new Promise<string>((resolve) => child.once("exit", (c, s) => resolve(`${s ?? c}`)));
            return waitForReady(p.readyUrl, exited, 60_000);
          }),
        );
        await new Promise((r) => setTimeout(r, idleSeconds * 1_000));
        processes.forEach((p, i) => {
          const { kib, names } = treeRss(children[i]!.pid!);
          const byServer = results[mode] ?? {};
          results[mode] = byServer;
          byServer[p.name] = [...(byServer[p.name] ?? []), kib / 1024];
          trees[`${mode} ${p.name}`] = names.join(" + ");
        });
      } finally {
        await Promise.all(children.map((c) => stopChild(c)));
      }
    }
  }
} finally {
  await mail.close();
  await redis.stop();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
console.log(`idle RSS after ${idleSeconds} s (MiB, process tree summed; median of ${rounds} runs)`);
console.log(`  ${"mode".padEnd(22)} ${SERVERS.map((s) => s.padStart(14)).join("")}`);
for (const mode of Object.keys(MODES)) {
  const cells = SERVERS.map((s) => median(results[mode]![s]!).toFixed(1).padStart(14)).join("");
  console.log(`  ${mode.padEnd(22)} ${cells}`);
}
console.log(
  `  processes: ${Object.keys(MODES)
    .map((m) => `${m}: ${trees[`${m} api`]}`)
    .join("; ")}`,
);
