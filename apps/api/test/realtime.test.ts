import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { eventually } from "@leadmetrics/testing";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type LoginResult, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, startTestAgents } from "./pipeline-helpers";

// Two API instances on one PostgreSQL and one Redis, as behind a load balancer.
let a: TestApp;
let b: TestApp;
let urlA: string;
let urlB: string;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let acme: LoginResult;
let globex: LoginResult;
let reviewer: LoginResult;
const sockets: Socket[] = [];

beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp(
    { QUEUE_PREFIX: a.config.QUEUE_PREFIX, CHANNEL_SECRETS_KEY: a.config.CHANNEL_SECRETS_KEY },
    { databaseUrl: a.config.DATABASE_URL, redisKeyPrefix: a.redis.options.keyPrefix },
  );
  urlA = await a.app.listen({ host: "127.0.0.1", port: 0 });
  urlB = await b.app.listen({ host: "127.0.0.1", port: 0 });
  // Slow offline answers, so the stream test can watch a draft being written.
  agents = await startTestAgents(a, { OFFLINE_ADAPTER_DELAY_MS: "1500" });
  acme = await a.login(DEMO_ACCOUNTS.acmeOwner);
  globex = await a.login(DEMO_ACCOUNTS.globexOwner);
  reviewer = await a.login(DEMO_ACCOUNTS.reviewer);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await agents.close();
  await b.close();
  await a.close();
});

function socket(
  url: string,
  token: string,
): Promise<Socket & { seen: { event: string; payload: Record<string, unknown> }[] }> {
  const s = connect(url, {
    path: "/socket.io",
    transports: ["websocket"],
    auth: { token },
    reconnection: false,
  }) as Socket & { seen: { event: string; payload: Record<string, unknown> }[] };
  s.seen = [];
  s.onAny((event, payload) => s.seen.push({ event, payload }));
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.once("ready", () => resolve(s));
    s.once("connect_error", reject);
  });
}

describe("Socket.IO across two API instances", () => {
  it("an event reaches sockets on either instance; another tenant's socket never sees it", async () => {
    const acmeOnB = await socket(urlB, acme.accessToken);
    const acmeOnA = await socket(urlA, acme.accessToken);
    const globexOnA = await socket(urlA, globex.accessToken);
    const reviewerOnB = await socket(urlB, reviewer.accessToken);

    const planId = await approvePlan(a, acme.accessToken, 1, "Live");
    const [activity] = await activitiesInStatus(a, planId, "dm_review");
    // The reviewer approves through instance A; everyone watching Acme hears it once.
    await api(a, "POST", `/dm/v1/activities/${activity!.id}/approve`, reviewer.accessToken, {}, 200);
    const approved = (s: typeof acmeOnA) =>
      s.seen.filter(
        (e) =>
          e.event === "activity:status" && e.payload.activityId === activity!.id && e.payload.to === "client_review",
      );
    await eventually(
      async () =>
        approved(acmeOnB).length === 1 && approved(acmeOnA).length === 1 && approved(reviewerOnB).length === 1,
    );
    // Workers' events (the agent's live state) arrive too.
    expect(acmeOnB.seen.some((e) => e.event === "agent:event" && e.payload.activityId === activity!.id)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(approved(acmeOnB)).toHaveLength(1);
    expect(globexOnA.seen.filter((e) => JSON.stringify(e.payload).includes(activity!.id))).toEqual([]);
  });

  it("a socket cannot join another tenant's room", async () => {
    const globexSocket = await socket(urlA, globex.accessToken);
    const acmeTenantId = acme.session.tenantId!;
    const answer = await globexSocket.timeout(2_000).emitWithAck("join", `tenant:${acmeTenantId}`);
    expect(answer).toMatchObject({ error: { code: "FORBIDDEN" } });
    const planId = await approvePlan(a, acme.accessToken, 1, "Still private");
    await activitiesInStatus(a, planId, "dm_review");
    expect(globexSocket.seen.filter((e) => e.event === "activity:status")).toEqual([]);
  });

  it("the handshake refuses a missing, forged or revoked token", async () => {
    await expect(socket(urlA, "")).rejects.toThrow(/UNAUTHORIZED/);
    await expect(socket(urlA, "forged.token.value")).rejects.toThrow(/UNAUTHORIZED/);
    const session = await a.login(DEMO_ACCOUNTS.acmeOwner);
    await a.app.inject({ method: "POST", url: "/auth/v1/logout", headers: bearer(session.accessToken), payload: {} });
    await expect(socket(urlB, session.accessToken)).rejects.toThrow(/UNAUTHORIZED/);
  });
});

describe("SSE stream of an agent's output", () => {
  it("delivers the chunks in order and ends with the final state", async () => {
    const planId = await approvePlan(a, acme.accessToken, 1, "Streamed");
    const [activity] = await activitiesInStatus(a, planId, "drafting", 1, 15_000);
    const res = await fetch(`${urlB}/tenant/v1/activities/${activity!.id}/stream`, {
      headers: { ...bearer(acme.accessToken), origin: "http://localhost:3000" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const raw = await res.text();
    const events = raw
      .split("\n\n")
      .filter((block) => block.startsWith("event:"))
      .map((block) => ({
        event: /^event: (\w+)/.exec(block)![1],
        data: JSON.parse(/\ndata: (.*)$/s.exec(block)![1]!),
      }));
    const chunks = events.filter((e) => e.event === "chunk").map((e) => e.data.text as string);
    expect(chunks.length).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ event: "end", data: { status: "dm_review" } });
    // In order: the chunks put together are exactly the answer the draft was made from.
    const answer = JSON.parse(chunks.join(""));
    const version = await a.db.contentVersion.findFirstOrThrow({ where: { activityId: activity!.id } });
    expect(answer.body).toBe(version.body);
  });

  it("a finished activity's stream ends at once with its state; another tenant gets 404", async () => {
    const planId = await approvePlan(a, acme.accessToken, 1, "Already done");
    const [activity] = await activitiesInStatus(a, planId, "dm_review");
    const res = await fetch(`${urlA}/tenant/v1/activities/${activity!.id}/stream`, {
      headers: bearer(acme.accessToken),
    });
    expect(await res.text()).toContain('event: end\ndata: {"status":"dm_review"}');
    const other = await fetch(`${urlA}/tenant/v1/activities/${activity!.id}/stream`, {
      headers: bearer(globex.accessToken),
    });
    expect(other.status).toBe(404);
  });

  it("the latest state of each agent is readable after a reconnect", async () => {
    const live = await api<{ items: { role: string; state: string }[] }>(
      a,
      "GET",
      "/tenant/v1/agents/live",
      acme.accessToken,
      undefined,
      200,
    );
    expect(live.items.find((i) => i.role === "blog-writer")?.state).toBe("finished");
    const other = await api<{ items: unknown[] }>(
      a,
      "GET",
      "/tenant/v1/agents/live",
      globex.accessToken,
      undefined,
      200,
    );
    expect(other.items).toEqual([]);
  });
});
