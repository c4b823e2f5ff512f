import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stopChild } from "@leadmetrics/local-services";
import { type MailSink, startMailSink } from "@leadmetrics/mail-sink";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickStackPorts, type StackPorts, stackProcesses, waitForReady } from "../../e2e/stack";
import { buildServers } from "../build/server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * What `./dev start` binds by default: the portals 3000-3002, the API 3003, the mail sink 1025 and
 * 8025, the agents' and notifications' metrics 9464 and 9465, PostgreSQL 54329 and Redis 63790.
 * `./dev test` must pass while it runs, so the end-to-end stack may use none of them.
 */
const DEV_STACK_PORTS = [3000, 3001, 3002, 3003, 1025, 8025, 9464, 9465, 54329, 63790];

/** Listeners on every interface, as the dev servers use; a port something else already holds is busy anyway. */
async function holdPorts(ports: number[]): Promise<net.Server[]> {
  const held: net.Server[] = [];
  for (const port of ports) {
    const server = net.createServer((socket) => socket.destroy());
    const ok = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, () => resolve(true));
    });
    if (ok) held.push(server);
  }
  return held;
}

let held: net.Server[] = [];
let mail: MailSink | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  held = await holdPorts(DEV_STACK_PORTS);
});

afterAll(async () => {
  await Promise.all(children.map((c) => stopChild(c, 10_000)));
  await mail?.close();
  await Promise.all(held.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const portsOf = (ports: StackPorts) => Object.values(ports);

describe("the end-to-end stack's ports while the dev stack's defaults are taken", () => {
  it("picks six distinct free ports, none of them a dev default", async () => {
    for (let i = 0; i < 5; i++) {
      const picked = portsOf(await pickStackPorts());
      expect(new Set(picked).size).toBe(6);
      for (const port of picked) expect(DEV_STACK_PORTS).not.toContain(port);
    }
  });

  it("gives every process only picked ports: its API_PORT, METRICS_PORT and -p all come from the picker", async () => {
    const ports = await pickStackPorts();
    const services = {
      databaseUrl: "postgres://u@127.0.0.1:1/db",
      redisUrl: "redis://127.0.0.1:1",
      smtpUrl: "smtp://127.0.0.1:1",
      jwtSecret: "s",
      channelSecretsKey: "k",
    };
    const processes = stackProcesses(ROOT, ports, services);
    expect(processes.map((p) => p.name).sort()).toEqual([
      "agents",
      "api",
      "dashboard",
      "dm",
      "manage",
      "notifications",
    ]);
    for (const p of processes) {
      expect(portsOf(ports)).toContain(p.port);
      expect(new URL(p.readyUrl).port).toBe(String(p.port));
      const bound = [
        ...Object.entries(p.env)
          .filter(([name]) => /PORT$/.test(name))
          .map(([, value]) => Number(value)),
        ...p.command.flatMap((arg, i) => (p.command[i - 1] === "-p" ? [Number(arg)] : [])),
      ];
      expect(bound.length, `${p.name} binds a port it is given`).toBeGreaterThan(0);
      for (const port of bound) expect(portsOf(ports), `${p.name}: ${port}`).toContain(port);
    }
    // Each worker server is told its own metrics port: their defaults are the dev stack's 9464/9465.
    expect(processes.find((p) => p.name === "agents")!.env.METRICS_PORT).toBe(String(ports.agentsMetrics));
    expect(processes.find((p) => p.name === "notifications")!.env.METRICS_PORT).toBe(
      String(ports.notificationsMetrics),
    );
  });

  // The portals serve a production build, too heavy to make here; the API and both worker servers
  // start as the stack starts them and must come up although 3003, 9464 and 9465 are taken.
  it("starts the API, the agents server and the notifications server as the stack does", async () => {
    await buildServers(); // the stack runs them compiled, as e2e/global-setup.ts builds them
    mail = await startMailSink({ smtpPort: 0, httpPort: 0 });
    const ports = await pickStackPorts();
    const processes = stackProcesses(ROOT, ports, {
      databaseUrl: await createTestDatabase(),
      redisUrl: testRedisUrl(),
      smtpUrl: mail.smtpUrl,
      jwtSecret: randomBytes(32).toString("hex"),
      channelSecretsKey: randomBytes(32).toString("base64"),
    }).filter((p) => ["api", "agents", "notifications"].includes(p.name));
    expect(processes).toHaveLength(3);
    // This file's own queues, so the agents and notifications servers take no other file's jobs.
    const queuePrefix = `q${uniqueKeyPrefix().slice(0, -1)}`;
    await Promise.all(
      processes.map((p) => {
        let stderr = "";
        const child = spawn(p.command[0]!, p.command.slice(1), {
          cwd: p.cwd,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...p.env, QUEUE_PREFIX: queuePrefix },
          stdio: ["ignore", "ignore", "pipe"],
        });
        child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
        children.push(child);
        const exited = new Promise<string>((resolve) =>
          child.once("exit", (code, signal) => resolve(`${p.name} exited with ${signal ?? code}: ${stderr}`)),
        );
        return waitForReady(p.readyUrl, exited, 60_000);
      }),
    );
    for (const p of processes) expect((await fetch(p.readyUrl)).status, p.name).toBe(200);
  }, 90_000);
});
