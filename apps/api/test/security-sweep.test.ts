import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type LoginResult, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let wp: FakeWordPress;
let acme: LoginResult;
let globex: LoginResult;
const ids: Record<string, string> = {};

/** A body each write route accepts, so the request reaches the tenant check (not a 400). */
const BODIES: Record<string, unknown> = {
  "PATCH /tenant/v1/plans/:id": { name: "Taken over" },
  "POST /tenant/v1/plans/:id/submit": undefined,
  "POST /tenant/v1/plans/:id/approve": undefined,
  "POST /tenant/v1/plans/:id/reject": { reason: "not yours" },
  "POST /tenant/v1/activities/:id/approve": {},
  "POST /tenant/v1/activities/:id/reject": { feedback: "not yours either" },
  "POST /tenant/v1/activities/:id/retry-publish": {},
  "PUT /tenant/v1/activities/:id/publishing": { channelId: null },
  "POST /tenant/v1/channels/connections/:id/select": { externalId: "urn:li:person:acme" },
  "DELETE /tenant/v1/channels/:id": undefined,
  "POST /tenant/v1/channels/:id/test": undefined,
  "PATCH /tenant/v1/members/:userId": { role: "member" },
  "DELETE /tenant/v1/members/:userId": undefined,
  "DELETE /tenant/v1/media/:id": undefined,
};

/** Which of Acme's ids a path parameter names. */
const idFor = (url: string) =>
  url.includes("/plans/")
    ? ids.plan
    : url.includes("/activities/")
      ? ids.activity
      : url.includes("/connections/")
        ? ids.connection
        : url.includes("/channels/")
          ? ids.channel
          : url.includes("/members/")
            ? ids.member
            : url.includes("/media/")
              ? ids.media
              : undefined;

/** Everything Acme owns, hashed: a cross-tenant request must leave it exactly as it was. */
async function acmeFingerprint() {
  const tenantId = acme.session.tenantId!;
  const rows = await Promise.all([
    t.db.deliverablePlan.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    t.db.activity.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    t.db.activityEvent.count({ where: { tenantId } }),
    t.db.connectedChannel.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    t.db.tenantMember.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    t.db.mediaAsset.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
  ]);
  // The stored bytes of Acme's media too, not only the rows.
  const files = await Promise.all(
    rows[5].map((m) =>
      readFile(path.join(t.config.STORAGE_DIR, m.storageKey)).then((b) => createHash("sha256").update(b).digest("hex")),
    ),
  );
  expect(files.length).toBeGreaterThan(0);
  rows.push(files as never);
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

beforeAll(async () => {
  t = await createTestApp();
  agents = await startTestAgents(t);
  // Connecting checks the credentials at the site: a local one speaking WordPress's REST API.
  wp = await startFakeWordPress({ username: "u", applicationPassword: "acme-app-password" });
  acme = await t.login(DEMO_ACCOUNTS.acmeOwner);
  globex = await t.login(DEMO_ACCOUNTS.globexOwner);
  ids.plan = await approvePlan(t, acme.accessToken, 1, "Acme private plan");
  // An OAuth connect of Acme's, waiting for its person to pick an account.
  ids.connection = (
    await t.db.channelConnection.create({
      data: {
        tenantId: acme.session.tenantId!,
        userId: acme.session.userId!,
        kind: "linkedin",
        stateHash: "acme-pending-connect",
        tokensEncrypted: "v1.a.b.c",
        accounts: [{ externalId: "urn:li:person:acme", name: "Acme", type: "member" }],
        expiresAt: new Date(Date.now() + 600_000),
        usedAt: new Date(),
      },
    })
  ).id;
  ids.activity = (await activitiesInStatus(t, ids.plan, "dm_review"))[0]!.id;
  ids.channel = (
    await api<{ id: string }>(
      t,
      "POST",
      "/tenant/v1/channels/wordpress",
      acme.accessToken,
      { name: "Acme", siteUrl: wp.url, username: "u", applicationPassword: "acme-app-password" },
      201,
    )
  ).id;
  const upload = new FormData();
  upload.append(
    "file",
    new Blob([
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "base64",
      ),
    ]),
    "acme.png",
  );
  const multipart = new Request("http://localhost/", { method: "POST", body: upload });
  const media = await t.app.inject({
    method: "POST",
    url: "/tenant/v1/media",
    headers: { ...bearer(acme.accessToken), "content-type": multipart.headers.get("content-type")! },
    payload: Buffer.from(await multipart.arrayBuffer()),
  });
  ids.media = (media.json() as { items: { id: string }[] }).items[0]!.id;
  ids.member = (
    await api<{ userId: string }>(
      t,
      "POST",
      "/tenant/v1/members",
      acme.accessToken,
      { email: "editor@acme.test", name: "Acme Editor", role: "member" },
      201,
    )
  ).userId;
});
afterAll(async () => {
  await agents.close();
  await wp.close();
  await t.close();
});

describe("cross-tenant sweep over the route inventory", () => {
  it("every tenant route that takes an id answers 404 to another tenant, and changes nothing", async () => {
    const routes = t.app
      .routeInventory()
      .filter((r) => r.guard === "tenant" && r.method !== "HEAD" && /:[A-Za-z]+/.test(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const before = await acmeFingerprint();
    const problems: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const id = idFor(route.url);
      if (!id) {
        problems.push(`${key}: no Acme id for this parameter — add one to the sweep`);
        continue;
      }
      if (route.method !== "GET" && !(key in BODIES)) {
        problems.push(`${key}: no example body — add one to the sweep`);
        continue;
      }
      const res = await t.app.inject({
        method: route.method as "GET",
        url: route.url.replace(/:[A-Za-z]+/, id),
        headers: bearer(globex.accessToken),
        payload: BODIES[key] as object | undefined,
      });
      if (route.url.endsWith("/stream")) {
        if (res.statusCode !== 404) problems.push(`${key}: ${res.statusCode}`);
        continue;
      }
      if (res.statusCode !== 404 || errorOf(res).code !== "NOT_FOUND")
        problems.push(`${key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(problems).toEqual([]);
    expect(await acmeFingerprint()).toBe(before);
  });

  it("a client cannot reach /dm/v1 or /admin/v1 at all, a reviewer not /admin/v1", async () => {
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const inventory = t.app.routeInventory().filter((r) => r.method === "GET" && !r.url.includes("*"));
    for (const r of inventory.filter((r) => r.guard === "dm" || r.guard === "admin")) {
      const url = r.url.replace(/:[A-Za-z]+/g, ids.activity!);
      expect(
        (await t.app.inject({ method: "GET", url, headers: bearer(globex.accessToken) })).statusCode,
        `client ${r.url}`,
      ).toBe(403);
      if (r.guard === "admin")
        expect(
          (await t.app.inject({ method: "GET", url, headers: bearer(reviewer.accessToken) })).statusCode,
          `reviewer ${r.url}`,
        ).toBe(403);
    }
  });
});
