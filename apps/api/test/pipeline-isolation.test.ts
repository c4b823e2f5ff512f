import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let wp: FakeWordPress;
beforeAll(async () => {
  t = await createTestApp();
  agents = await startTestAgents(t);
  // Connecting checks the credentials at the site: a local one, where "u" holds both passwords.
  wp = await startFakeWordPress({
    username: "u",
    applicationPassword: ["secret-app-password", "very-secret-password"],
  });
});
afterAll(async () => {
  await agents.close();
  await wp.close();
  await t.close();
});

describe("tenant isolation of the pipeline routes", () => {
  it("Globex gets 404 for every Acme plan, activity and channel id, and changes nothing", async () => {
    const acme = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const globex = await t.login(DEMO_ACCOUNTS.globexOwner);
    const planId = await approvePlan(t, acme.accessToken, 1, "Acme secret plan");
    const [activity] = await activitiesInStatus(t, planId, "dm_review");
    const channel = await api<{ id: string }>(
      t,
      "POST",
      "/tenant/v1/channels/wordpress",
      acme.accessToken,
      { name: "Acme", siteUrl: wp.url, username: "u", applicationPassword: "secret-app-password" },
      201,
    );
    const before = await t.db.activity.findUniqueOrThrow({ where: { id: activity!.id } });

    const attempts: [string, string, unknown?][] = [
      ["GET", `/tenant/v1/plans/${planId}`],
      ["PATCH", `/tenant/v1/plans/${planId}`, { name: "Hijacked" }],
      ["POST", `/tenant/v1/plans/${planId}/submit`],
      ["POST", `/tenant/v1/plans/${planId}/reject`, { reason: "not yours" }],
      ["GET", `/tenant/v1/activities/${activity!.id}`],
      ["POST", `/tenant/v1/activities/${activity!.id}/approve`, {}],
      ["POST", `/tenant/v1/activities/${activity!.id}/reject`, { feedback: "not yours either" }],
      ["DELETE", `/tenant/v1/channels/${channel.id}`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await t.app.inject({
        method: method as "GET",
        url,
        headers: bearer(globex.accessToken),
        payload: payload as object,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(res).code).toBe("NOT_FOUND");
    }
    const after = await t.db.activity.findUniqueOrThrow({ where: { id: activity!.id } });
    expect(after).toEqual(before);
    expect((await t.db.deliverablePlan.findUniqueOrThrow({ where: { id: planId } })).name).toBe("Acme secret plan");
    expect(await t.db.connectedChannel.count({ where: { id: channel.id } })).toBe(1);

    const lists = await Promise.all(
      ["/tenant/v1/plans", "/tenant/v1/activities", "/tenant/v1/channels", "/tenant/v1/agent-runs"].map((url) =>
        api<{ items: { id: string }[] }>(t, "GET", url, globex.accessToken, undefined, 200),
      ),
    );
    const seen = lists.flatMap((l) => l.items.map((i) => i.id));
    expect(seen).not.toContain(planId);
    expect(seen).not.toContain(activity!.id);
    expect(seen).not.toContain(channel.id);
  });

  it("channel credentials are encrypted at rest and never returned", async () => {
    const acme = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const res = await t.app.inject({
      method: "POST",
      url: "/tenant/v1/channels/wordpress",
      headers: bearer(acme.accessToken),
      payload: {
        name: "Second",
        siteUrl: `${wp.url}/news`,
        username: "u",
        applicationPassword: "very-secret-password",
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain("very-secret-password");
    const row = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: res.json().id } });
    expect(row.credentialsEncrypted).not.toContain("very-secret-password");
    expect(row.credentialsEncrypted).toMatch(/^v1\./);
  });

  it("refuses a channel URL on a private address unless configured to allow it", async () => {
    const strict = await createTestApp({ ALLOW_PRIVATE_CHANNEL_URLS: "false" }, { databaseUrl: t.config.DATABASE_URL });
    try {
      const acme = await strict.login(DEMO_ACCOUNTS.acmeOwner);
      for (const siteUrl of [
        "http://127.0.0.1:8080",
        "http://169.254.169.254/latest",
        "http://localhost",
        "file:///etc/passwd",
        "http://10.0.0.5",
      ]) {
        const res = await strict.app.inject({
          method: "POST",
          url: "/tenant/v1/channels/wordpress",
          headers: bearer(acme.accessToken),
          payload: { name: "Internal", siteUrl, username: "u", applicationPassword: "password-1234" },
        });
        expect(res.statusCode, siteUrl).toBe(400);
      }
    } finally {
      await strict.close();
    }
  });
});
