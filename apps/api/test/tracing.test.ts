import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { freePort } from "@leadmetrics/local-services";
import {
  getTracer,
  queueTelemetry,
  REQUEST_ID_ATTRIBUTE,
  startTelemetry,
  tracingEnabled,
} from "@leadmetrics/telemetry";
import { createTestDatabase, eventually, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./chaos/support";

/**
 * Tracing API → queue → worker, between real processes: a local OTLP/HTTP receiver gets the
 * spans (JSON) of a traced HTTP process that enqueues and of a traced worker process.
 */
const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "fixtures/traced-process.ts");

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

let receiver: Server;
let endpoint: string;
const spans: ReceivedSpan[] = [];
let posts = 0;
const children: ChildProcess[] = [];
let databaseUrl: string;
const queuePrefix = `q${uniqueKeyPrefix().slice(0, -1)}`;

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
const otlpValue = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue;
const attrs = (list: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(list.map((a) => [a.key, otlpValue(a.value)]));

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end();
        return;
      }
      posts++;
      const doc = JSON.parse(body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: OtlpValue }[] };
          scopeSpans: { spans: Record<string, unknown>[] }[];
        }[];
      };
      for (const rs of doc.resourceSpans) {
        const service = String(attrs(rs.resource.attributes)["service.name"]);
        for (const ss of rs.scopeSpans)
          for (const s of ss.spans)
            spans.push({
              service,
              traceId: String(s.traceId),
              spanId: String(s.spanId),
              parentSpanId: s.parentSpanId ? String(s.parentSpanId) : undefined,
              name: String(s.name),
              attributes: attrs(s.attributes as { key: string; value: OtlpValue }[]),
            });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await new Promise((r) => receiver.close(r));
});

function startFixture(
  mode: "api" | "worker",
  otlpEndpoint: string,
): Promise<{ child: ChildProcess; ready: Record<string, unknown>; lines: Record<string, unknown>[] }> {
  const child = spawn("node", ["--import", "tsx", FIXTURE, mode], {
    cwd: path.dirname(FIXTURE),
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      REDIS_URL: testRedisUrl(),
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: queuePrefix,
      OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
    },
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          const msg = JSON.parse(line) as Record<string, unknown>;
          lines.push(msg);
          if (msg.ready) resolve({ child, ready: msg, lines });
        } catch {
          /* a log line */
        }
      }
    });
    child.once("exit", (code) => reject(new Error(`fixture ${mode} exited with ${code}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

describe("tracing on (OTEL_EXPORTER_OTLP_ENDPOINT set)", () => {
  it("one trace from the HTTP request through the queue to the worker's job, request.id on every span", async () => {
    const [api, worker] = await Promise.all([startFixture("api", endpoint), startFixture("worker", endpoint)]);
    expect(api.ready.tracing).toBe(true);
    expect(worker.ready.tracing).toBe(true);

    const requestId = `trace-test-${Date.now()}`;
    const res = await fetch(`http://127.0.0.1:${api.ready.port as number}/enqueue`, {
      method: "POST",
      headers: { "x-request-id": requestId },
    });
    expect(res.status).toBe(200);
    const { jobId } = (await res.json()) as { jobId: string };
    await eventually(async () => worker.lines.some((l) => l.completed === jobId), 15_000);
    // Shutdown flushes what is still batched.
    await Promise.all([stop(api.child), stop(worker.child)]);

    const server = spans.find((s) => s.service === "fixture-api" && s.name === "POST /enqueue");
    expect(server, "the API's request span").toBeDefined();
    const trace = spans.filter((s) => s.traceId === server!.traceId);
    const producer = trace.find((s) => s.service === "fixture-api" && s.name.startsWith("add notifications__dispatch"));
    const consumer = trace.find((s) => s.service === "fixture-worker" && s.name === "process notifications__dispatch");
    const handler = trace.find((s) => s.service === "fixture-worker" && s.name === "handler work");
    expect(producer, "the enqueue span, in the request's trace").toBeDefined();
    expect(consumer, "the worker's job span, in the same trace").toBeDefined();
    expect(handler, "a span the handler started, in the same trace").toBeDefined();
    expect(producer!.parentSpanId).toBe(server!.spanId);
    expect(consumer!.parentSpanId).toBe(producer!.spanId);
    expect(handler!.parentSpanId).toBe(consumer!.spanId);
    expect(server!.attributes["http.route"]).toBe("/enqueue");
    expect(server!.attributes["http.response.status_code"]).toBe(200);
    // Every span of the trace, in both processes, carries the request id.
    expect(new Set(trace.map((s) => s.service))).toEqual(new Set(["fixture-api", "fixture-worker"]));
    for (const s of trace)
      expect({ span: s.name, requestId: s.attributes[REQUEST_ID_ATTRIBUTE] }).toEqual({ span: s.name, requestId });
  });
});

describe("tracing through the transactional outbox", () => {
  it("a job relayed later by another process's outbox poller still continues the request's trace", async () => {
    const [api, worker] = await Promise.all([startFixture("api", endpoint), startFixture("worker", endpoint)]);
    const requestId = `staged-trace-${Date.now()}`;
    const res = await fetch(`http://127.0.0.1:${api.ready.port as number}/stage`, {
      method: "POST",
      headers: { "x-request-id": requestId },
    });
    expect(res.status).toBe(200);
    const { jobId } = (await res.json()) as { jobId: string };
    await eventually(async () => worker.lines.some((l) => l.completed === jobId), 15_000);
    await Promise.all([stop(api.child), stop(worker.child)]);

    const server = spans.find(
      (s) =>
        s.service === "fixture-api" && s.name === "POST /stage" && s.attributes[REQUEST_ID_ATTRIBUTE] === requestId,
    );
    expect(server, "the API's request span").toBeDefined();
    const trace = spans.filter((s) => s.traceId === server!.traceId);
    // The enqueue happened in the worker process (its poller), yet under the request's trace.
    const producer = trace.find(
      (s) => s.service === "fixture-worker" && s.name.startsWith("add notifications__dispatch"),
    );
    const consumer = trace.find((s) => s.service === "fixture-worker" && s.name === "process notifications__dispatch");
    expect(producer, "the poller's enqueue span, in the request's trace").toBeDefined();
    expect(consumer, "the job's span, in the request's trace").toBeDefined();
    expect(producer!.parentSpanId).toBe(server!.spanId);
    expect(consumer!.parentSpanId).toBe(producer!.spanId);
    for (const s of trace)
      expect({ span: s.name, requestId: s.attributes[REQUEST_ID_ATTRIBUTE] }).toEqual({ span: s.name, requestId });
  });
});

describe("tracing in the real servers", () => {
  it("a plan approval on the API and the planner job on the agents server share one trace, request.id on every span", async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: queuePrefix,
      CHANNEL_SECRETS_KEY: randomBytes(32).toString("base64"),
      JWT_SECRET: randomBytes(32).toString("hex"),
      CORS_ORIGINS: "http://127.0.0.1:3000",
      METRICS_PORT: "0",
      AGENT_ROLES: "activity-planner",
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    };
    const api = startServer("api", "api", { ...env, API_HOST: "127.0.0.1", API_PORT: String(port) });
    const agents = startServer("agents", "agents", env);
    try {
      await Promise.all([
        api.waitForLog(/Server listening/, 60_000),
        agents.waitForLog(/agents server started/, 60_000),
      ]);
      const base = `http://127.0.0.1:${port}`;
      const json = { "content-type": "application/json" };
      const login = await fetch(`${base}/auth/v1/login`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ email: DEMO_ACCOUNTS.acmeOwner, password: DEFAULT_DEMO_PASSWORD }),
      });
      const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
      const plan = (await (
        await fetch(`${base}/tenant/v1/plans`, {
          method: "POST",
          headers: { ...auth, ...json },
          body: JSON.stringify({
            name: "Traced",
            cadence: "weekly",
            startDate: "2026-12-07",
            periodCount: 1,
            items: [{ deliverableType: "blog_post", quantity: 1 }],
          }),
        })
      ).json()) as { id: string };
      await fetch(`${base}/tenant/v1/plans/${plan.id}/submit`, { method: "POST", headers: auth });
      const requestId = `real-trace-${Date.now()}`;
      const approved = await fetch(`${base}/tenant/v1/plans/${plan.id}/approve`, {
        method: "POST",
        headers: { ...auth, "x-request-id": requestId },
      });
      expect(approved.status).toBe(200);
      await agents.waitForLog(/job completed/, 30_000);
    } finally {
      // SIGTERM: each server flushes its batched spans on the way out.
      api.kill("SIGTERM");
      agents.kill("SIGTERM");
      await Promise.all([api.stopped, agents.stopped]);
    }
    const request = spans.find(
      (s) =>
        s.service === "api" &&
        s.attributes[REQUEST_ID_ATTRIBUTE] &&
        s.attributes["http.route"] === "/tenant/v1/plans/:id/approve",
    );
    expect(request, "the API's span for the approval").toBeDefined();
    const trace = spans.filter((s) => s.traceId === request!.traceId);
    const job = trace.find((s) => s.service === "agents" && s.name === "process agent__activity-planner");
    expect(job, "the planner job's span, in the request's trace").toBeDefined();
    for (const s of trace)
      expect({ span: s.name, requestId: s.attributes[REQUEST_ID_ATTRIBUTE] }).toEqual({
        span: s.name,
        requestId: request!.attributes[REQUEST_ID_ATTRIBUTE],
      });
    expect(request!.attributes[REQUEST_ID_ATTRIBUTE]).toMatch(/^real-trace-/);
  }, 120_000);
});

describe("tracing off (no endpoint)", () => {
  it("starts no SDK: a no-op handle, no BullMQ telemetry, non-recording spans", async () => {
    const handle = await startTelemetry({ serviceName: "api", endpoint: undefined });
    expect(handle.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    expect(queueTelemetry()).toBeUndefined();
    const span = getTracer("test").startSpan("nothing");
    expect(span.isRecording()).toBe(false);
    span.end();
    await handle.shutdown();
  });

  it("a process without the variable sends nothing", async () => {
    const before = posts;
    const api = await startFixture("api", "");
    expect(api.ready.tracing).toBe(false);
    const res = await fetch(`http://127.0.0.1:${api.ready.port as number}/enqueue`, {
      method: "POST",
      headers: { "x-request-id": "untraced-1" },
    });
    expect(res.status).toBe(200);
    await stop(api.child);
    expect(posts).toBe(before);
  });
});
