import { Writable } from "node:stream";
import { loadConfig } from "@leadmetrics/config";
import { createDb, DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { startMailSink } from "@leadmetrics/mail-sink";
import { createSmtpEmailProvider } from "@leadmetrics/provider-email";
import { notificationsConfigSchema } from "@leadmetrics/server-notifications/config";
import { startNotificationsServer } from "@leadmetrics/server-notifications/server";
import { Redis } from "ioredis";
import { io } from "socket.io-client";
import { type BenchStack, seedBenchPlan } from "./stack";

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function login(apiUrl: string, email: string) {
  const res = await fetch(`${apiUrl}/auth/v1/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEFAULT_DEMO_PASSWORD }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * Time from a transition's commit (the approving request has answered) to the client's
 * notification arriving: in-app over Socket.IO, and the email at the SMTP server.
 */
export async function benchNotificationLatency(stack: BenchStack, transitions = 200) {
  const db = createDb({ url: stack.databaseUrl, poolMax: 4 });
  const { plan } = await seedBenchPlan(db, {
    name: "latency",
    count: transitions,
    topic: "Latency",
    statusOf: () => "dm_review",
  });
  const activities = await db.activity.findMany({
    where: { planId: plan.id },
    select: { id: true },
    orderBy: { slot: "asc" },
  });

  const sink = await startMailSink({ smtpPort: 0, httpPort: 0, maxMessages: transitions * 3 });
  const config = loadConfig(notificationsConfigSchema, {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    SMTP_URL: sink.smtpUrl,
    // Each email at once: this measures the send path, not the digest's batching window.
    NOTIFICATION_DIGEST_WINDOW_MS: "0",
  });
  const redis = new Redis(stack.redisUrl);
  const emailProvider = createSmtpEmailProvider({ url: sink.smtpUrl });
  const server = startNotificationsServer(config, {
    db,
    redis,
    logger: createLogger({
      service: "bench-notifications",
      level: "warn",
      destination: new Writable({ write: (_c, _e, cb) => cb() }),
    }),
    senders: { email: emailProvider },
  });
  await Promise.all(server.workers.map((w) => w.waitUntilReady()));

  const [ownerToken, reviewerToken] = await Promise.all([
    login(stack.apiUrl, DEMO_ACCOUNTS.acmeOwner),
    login(stack.apiUrl, DEMO_ACCOUNTS.reviewer),
  ]);
  const socketArrivals = new Map<string, number>();
  const socket = io(stack.apiUrl, { path: "/socket.io", transports: ["websocket"], auth: { token: ownerToken } });
  socket.on(
    "notification:new",
    (n: { link: string | null }) => n.link && socketArrivals.set(n.link, performance.now()),
  );
  await new Promise((resolve) => socket.once("ready", resolve));

  const inApp: number[] = [];
  const email: number[] = [];
  for (const a of activities) {
    const res = await fetch(`${stack.apiUrl}/dm/v1/activities/${a.id}/approve`, {
      method: "POST",
      headers: { authorization: `Bearer ${reviewerToken}`, "content-type": "application/json" },
      body: "{}",
    });
    const committed = performance.now();
    if (!res.ok) throw new Error(`approve failed: ${res.status} ${await res.text()}`);
    const link = `/activities/${a.id}`;
    const mail = await sink.waitForMessage((m) => (m.text ?? "").includes(a.id), { timeoutMs: 20_000 });
    email.push(Date.parse(mail.receivedAt) - (Date.now() - (performance.now() - committed)));
    for (let i = 0; i < 400 && !socketArrivals.has(link); i++) await new Promise((r) => setTimeout(r, 5));
    inApp.push(socketArrivals.get(link)! - committed);
  }
  socket.disconnect();
  await server.close();
  await emailProvider.close?.();
  await sink.close();
  redis.disconnect();
  await db.$disconnect();
  const stat = (v: number[]) => ({
    p50: Math.round(percentile(v, 50)),
    p95: Math.round(percentile(v, 95)),
    max: Math.round(Math.max(...v)),
  });
  return { transitions, inApp: stat(inApp), email: stat(email) };
}
