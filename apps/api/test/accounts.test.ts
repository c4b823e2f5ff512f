import { DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, nextIp, type TestApp } from "./helpers";
import { startTestNotifications } from "./notification-helpers";

// Reset and invitation links arrive by email, through the notifications server and real SMTP.
let t: TestApp;
let mail: Awaited<ReturnType<typeof startTestNotifications>>;
beforeAll(async () => {
  t = await createTestApp();
  mail = await startTestNotifications(t);
});
afterAll(async () => {
  await mail.close();
  await t.close();
});

const post = (url: string, payload: unknown, token?: string) =>
  t.app.inject({
    method: "POST",
    url,
    remoteAddress: nextIp(),
    payload: payload as object,
    headers: token ? bearer(token) : {},
  });

describe("registration (two steps, one-hour session)", () => {
  it("creates a tenant and its owner, and the session is single-use", async () => {
    const step1 = await post("/auth/v1/register", {
      email: "Founder@NewCo.test",
      password: "a-long-password",
      name: "Fran Founder",
    });
    expect(step1.statusCode).toBe(201);
    const { registrationToken } = step1.json();
    const payload = JSON.parse(Buffer.from(registrationToken.split(".")[1], "base64url").toString());
    expect(payload.typ).toBe("reg_session");
    expect(payload.exp - payload.iat).toBe(3600);
    // Nothing exists until the workspace is named.
    expect(await t.db.user.findUnique({ where: { email: "founder@newco.test" } })).toBeNull();

    const step2 = await post("/auth/v1/register/complete", {
      registrationToken,
      workspaceName: "NewCo Marketing",
      timezone: "Europe/Berlin",
    });
    expect(step2.statusCode).toBe(201);
    expect(step2.json().session).toMatchObject({ kind: "tenant", role: "owner" });
    const tenant = await t.db.tenant.findUniqueOrThrow({ where: { id: step2.json().session.tenantId } });
    expect(tenant).toMatchObject({ name: "NewCo Marketing", timezone: "Europe/Berlin", status: "active" });
    expect(await t.db.auditLog.count({ where: { tenantId: tenant.id, action: "tenant.registered" } })).toBe(1);
    // It starts with the welcome credits, on the ledger like any grant.
    expect(await t.db.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).toMatchObject({
      available: 100,
      reserved: 0,
    });
    expect(
      await t.db.creditLedger.findMany({
        where: { tenantId: tenant.id },
        select: { kind: true, amount: true, note: true, actorId: true },
      }),
    ).toEqual([{ kind: "grant", amount: 100, note: "Welcome credits", actorId: null }]);

    const again = await post("/auth/v1/register/complete", { registrationToken, workspaceName: "Twice" });
    expect(again.statusCode).toBe(400);
    expect(errorOf(again).code).toBe("INVALID_TOKEN");
    // A registration token is not an access token.
    expect(
      (await t.app.inject({ method: "GET", url: "/auth/v1/me", headers: bearer(registrationToken) })).statusCode,
    ).toBe(401);
  });

  it("refuses a taken email and a weak password without creating anything", async () => {
    const taken = await post("/auth/v1/register", {
      email: DEMO_ACCOUNTS.acmeOwner,
      password: "a-long-password",
      name: "X",
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe("EMAIL_TAKEN");
    const weak = await post("/auth/v1/register", { email: "weak@newco.test", password: "short", name: "X" });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).code).toBe("VALIDATION_ERROR");
  });
});

describe("password reset", () => {
  it("answers the same for unknown emails; a reset token works once and ends every session", async () => {
    const unknown = await post("/auth/v1/forgot-password", { email: "nobody@nowhere.test" });
    const known = await post("/auth/v1/forgot-password", { email: DEMO_ACCOUNTS.globexOwner });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);

    const before = await t.login(DEMO_ACCOUNTS.globexOwner);
    const token = await mail.tokenFromEmail(DEMO_ACCOUNTS.globexOwner, /Reset your Leadmetrics password/);
    // One email, to the known address only.
    expect(mail.mailsTo("nobody@nowhere.test")).toEqual([]);

    expect((await post("/auth/v1/reset-password", { token, password: "a-brand-new-password" })).statusCode).toBe(200);
    expect((await post("/auth/v1/reset-password", { token, password: "yet-another-password" })).statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: "GET", url: "/auth/v1/me", headers: bearer(before.accessToken) })).statusCode,
    ).toBe(401);
    expect(
      (await post("/auth/v1/login", { email: DEMO_ACCOUNTS.globexOwner, password: DEMO_PASSWORD })).statusCode,
    ).toBe(401);
    expect(
      (await post("/auth/v1/login", { email: DEMO_ACCOUNTS.globexOwner, password: "a-brand-new-password" })).statusCode,
    ).toBe(200);
  });
});

describe("members", () => {
  it("an owner invites a member, who accepts and signs in; roles and removal follow the rules", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const invite = await post(
      "/tenant/v1/members",
      { email: "writer@acme.test", name: "Wendy Writer", role: "admin" },
      owner.accessToken,
    );
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({ email: "writer@acme.test", role: "admin", invitationPending: true });
    const dup = await post(
      "/tenant/v1/members",
      { email: "writer@acme.test", name: "Wendy Writer" },
      owner.accessToken,
    );
    expect(errorOf(dup).code).toBe("ALREADY_MEMBER");

    const token = await mail.tokenFromEmail("writer@acme.test", /invited to Acme Digital/);
    expect((await post("/auth/v1/accept-invite", { token, password: "wendys-password" })).statusCode).toBe(200);
    const wendy = await t.login("writer@acme.test", { password: "wendys-password" });
    expect(wendy.session).toMatchObject({ kind: "tenant", role: "admin", tenantId: owner.session.tenantId });

    // An admin cannot touch the owner nor make owners.
    const ownerId = owner.session.userId;
    const patch = (userId: string, role: string, token2: string) =>
      t.app.inject({
        method: "PATCH",
        url: `/tenant/v1/members/${userId}`,
        headers: bearer(token2),
        payload: { role },
      });
    expect((await patch(ownerId, "member", wendy.accessToken)).statusCode).toBe(403);
    expect(
      (await post("/tenant/v1/members", { email: "boss@acme.test", name: "B", role: "owner" }, wendy.accessToken))
        .statusCode,
    ).toBe(403);

    // The last owner cannot step down or be removed.
    const lastOwner = await patch(ownerId, "member", owner.accessToken);
    expect(lastOwner.statusCode).toBe(409);
    expect(errorOf(lastOwner).code).toBe("LAST_OWNER");

    // The owner demotes Wendy to member: a member cannot manage anyone, at once.
    expect((await patch(wendy.session.userId, "member", owner.accessToken)).json().role).toBe("member");
    expect((await post("/tenant/v1/members", { email: "x@acme.test", name: "X" }, wendy.accessToken)).statusCode).toBe(
      403,
    );
    expect(
      (await t.app.inject({ method: "GET", url: "/tenant/v1/members", headers: bearer(wendy.accessToken) })).statusCode,
    ).toBe(200);

    // Removed: her token stops opening the workspace immediately.
    const del = await t.app.inject({
      method: "DELETE",
      url: `/tenant/v1/members/${wendy.session.userId}`,
      headers: bearer(owner.accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: "GET", url: "/tenant/v1/members", headers: bearer(wendy.accessToken) })).statusCode,
    ).toBe(403);

    const actions = (
      await t.db.auditLog.findMany({
        where: { tenantId: owner.session.tenantId!, targetId: wendy.session.userId },
        orderBy: { createdAt: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(["member.invited", "member.role_changed", "member.removed"]);
    const audits = await t.db.auditLog.findMany({
      where: { targetId: wendy.session.userId, action: { startsWith: "member." } },
    });
    expect(audits.every((a) => a.requestId && a.actorId === ownerId)).toBe(true);
  });
});

describe("platform administration", () => {
  it("a super-admin creates, suspends and reactivates a tenant; suspension closes its routes at once", async () => {
    const admin = await t.login(DEMO_ACCOUNTS.superAdmin);
    const created = await post(
      "/admin/v1/tenants",
      { name: "Initech", timezone: "America/Chicago", owner: { email: "peter@initech.test", name: "Peter" } },
      admin.accessToken,
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "Initech", status: "active", memberCount: 1 });
    // Like a self-signed-up workspace, it starts with the welcome credits unless the admin sets an amount.
    expect(await t.db.creditBalance.findUniqueOrThrow({ where: { tenantId: created.json().id } })).toMatchObject({
      available: t.config.SIGNUP_CREDITS,
    });
    const unfunded = await post(
      "/admin/v1/tenants",
      { name: "Unfunded", owner: { email: "u@unfunded.test", name: "U" }, initialCredits: 0 },
      admin.accessToken,
    );
    expect(unfunded.statusCode).toBe(201);
    expect(await t.db.creditBalance.findUnique({ where: { tenantId: unfunded.json().id } })).toBeNull();

    const acme = await t.db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
    const client = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const suspend = await post(`/admin/v1/tenants/${acme.id}/suspend`, { reason: "unpaid invoice" }, admin.accessToken);
    expect(suspend.json()).toMatchObject({ status: "suspended", suspendedReason: "unpaid invoice" });
    const blocked = await t.app.inject({
      method: "GET",
      url: "/tenant/v1/members",
      headers: bearer(client.accessToken),
    });
    expect(blocked.statusCode).toBe(403);
    expect(errorOf(blocked).code).toBe("TENANT_SUSPENDED");
    // Signing in still works, so the portal can say what happened; every tenant route stays shut.
    const again = await t.login(DEMO_ACCOUNTS.acmeOwner);
    expect(again.session.tenantId).toBe(acme.id);
    const me = await t.app.inject({ method: "GET", url: "/auth/v1/me", headers: bearer(again.accessToken) });
    expect(me.json().memberships).toEqual([
      expect.objectContaining({
        tenantName: "Acme Digital",
        tenantStatus: "suspended",
        tenantSuspendedAt: expect.any(String),
        // The zone its pages write moments in.
        tenantTimezone: "America/New_York",
      }),
    ]);
    expect(
      errorOf(await t.app.inject({ method: "GET", url: "/tenant/v1/activities", headers: bearer(again.accessToken) }))
        .code,
    ).toBe("TENANT_SUSPENDED");
    expect(
      errorOf(await post(`/admin/v1/tenants/${acme.id}/suspend`, { reason: "again" }, admin.accessToken)).code,
    ).toBe("INVALID_STATE");

    expect((await post(`/admin/v1/tenants/${acme.id}/reactivate`, {}, admin.accessToken)).json().status).toBe("active");
    expect(
      (await t.app.inject({ method: "GET", url: "/tenant/v1/members", headers: bearer(client.accessToken) }))
        .statusCode,
    ).toBe(200);

    const list = await t.app.inject({
      method: "GET",
      url: "/admin/v1/tenants?search=acme",
      headers: bearer(admin.accessToken),
    });
    expect(list.json().items.map((i: { name: string }) => i.name)).toEqual(["Acme Digital"]);
    const log = await t.app.inject({
      method: "GET",
      url: `/admin/v1/audit-logs?tenantId=${acme.id}&action=tenant.`,
      headers: bearer(admin.accessToken),
    });
    expect(log.json().items.map((i: { action: string }) => i.action)).toEqual([
      "tenant.reactivated",
      "tenant.suspended",
    ]);
  });

  it("a super-admin creates a DM reviewer who can then use the DM routes", async () => {
    const admin = await t.login(DEMO_ACCOUNTS.superAdmin);
    const res = await post(
      "/admin/v1/users",
      {
        email: "rev2@leadmetrics.test",
        name: "Second Reviewer",
        platformRole: "dm_reviewer",
        password: "reviewer-password",
      },
      admin.accessToken,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ platformRole: "dm_reviewer", invitationPending: false });
    const reviewer = await t.login("rev2@leadmetrics.test", { password: "reviewer-password", portal: "dm" });
    expect(
      (await t.app.inject({ method: "GET", url: "/dm/v1/tenants", headers: bearer(reviewer.accessToken) })).statusCode,
    ).toBe(200);
    expect(
      errorOf(
        await post(
          "/admin/v1/users",
          { email: "rev2@leadmetrics.test", name: "X", platformRole: "dm_reviewer" },
          admin.accessToken,
        ),
      ).code,
    ).toBe("EMAIL_TAKEN");
  });
});
