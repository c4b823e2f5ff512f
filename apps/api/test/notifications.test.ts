import { startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { eventually } from "@leadmetrics/testing";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type LoginResult, nextIp, type TestApp } from "./helpers";
import { startTestNotifications } from "./notification-helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let mail: Awaited<ReturnType<typeof startTestNotifications>>;
let owner: LoginResult;
let reviewer: LoginResult;

beforeAll(async () => {
  t = await createTestApp();
  agents = await startTestAgents(t);
  mail = await startTestNotifications(t);
  owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
  reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
});
afterAll(async () => {
  await mail.close();
  await agents.close();
  await t.close();
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const mailsTo = (email: string, subject?: RegExp) => mail.mailsTo(email, subject);
const inApp = (email: string, event: string) => t.db.notification.findMany({ where: { user: { email }, event } });

describe("notifications of the loop", () => {
  it("reach the person who acts next, on their channels, with the rendered template", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Notify me");
    const [a] = await activitiesInStatus(t, planId, "dm_review");

    // Draft ready → every reviewer (the DM reviewer and the super-admin), in-app and email, under
    // the draft's title.
    expect(a!.title).toBeTruthy();
    const reviewerMail = await eventually(
      async () => mailsTo(DEMO_ACCOUNTS.reviewer, new RegExp(`New draft to review: ${escapeRegExp(a!.title!)}`))[0],
    );
    expect(reviewerMail.html).toContain("Review the draft");
    expect(reviewerMail.html).toContain(`http://localhost:3002/review/${a!.id}`);
    expect(reviewerMail.text).toContain(a!.title!);
    // "Manage notifications" opens the settings page of the recipient's own portal.
    expect(reviewerMail.html).toContain('href="http://localhost:3002/settings/notifications"');
    expect(reviewerMail.text).toContain("Manage notifications: http://localhost:3002/settings/notifications");
    // Without a digest window the email went out at once: nothing waits for a digest.
    expect(await t.db.notificationDigestItem.count()).toBe(0);
    await eventually(async () => (await inApp(DEMO_ACCOUNTS.superAdmin, "draft_ready_for_review")).length > 0);
    // The client is not told about internal review.
    expect(mailsTo(DEMO_ACCOUNTS.acmeOwner, /New draft to review/)).toHaveLength(0);

    // The DM edits the title and approves → the client owner is asked to approve, and from then on
    // the reviewer's title is what the work is called (lists, in-app, email).
    const edited = "Spring launch: the reviewer's headline";
    const draft = await t.db.contentVersion.findFirstOrThrow({ where: { activityId: a!.id } });
    await api(
      t,
      "POST",
      `/dm/v1/activities/${a!.id}/edit-approve`,
      reviewer.accessToken,
      { title: edited, body: draft.body },
      200,
    );
    const listed = await api<{ items: { id: string; title: string }[] }>(
      t,
      "GET",
      "/tenant/v1/activities?pageSize=200",
      owner.accessToken,
      undefined,
      200,
    );
    expect(listed.items.find((i) => i.id === a!.id)?.title).toBe(edited);
    const clientMail = await eventually(async () => mailsTo(DEMO_ACCOUNTS.acmeOwner, /Ready for your approval/)[0]);
    expect(clientMail.html).toContain(`http://localhost:3000/activities/${a!.id}`);
    expect(clientMail.html).toContain('href="http://localhost:3000/settings/notifications"');
    const clientInApp = await eventually(
      async () => (await inApp(DEMO_ACCOUNTS.acmeOwner, "ready_for_client_review"))[0],
    );
    expect(clientInApp.title).toBe(`Ready for your approval: ${edited}`);
    // Globex hears nothing of Acme's work.
    expect(mailsTo(DEMO_ACCOUNTS.globexOwner)).toHaveLength(0);
    expect(await t.db.notification.count({ where: { user: { email: DEMO_ACCOUNTS.globexOwner } } })).toBe(0);

    // The client approves; once it is published the client hears it live (in-app over
    // Socket.IO) and by email, with the public URL.
    const wp = await startFakeWordPress({ username: "editor", applicationPassword: "app pass word 1234" });
    const url = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const socket = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      auth: { token: owner.accessToken },
      reconnection: false,
    });
    const live: { title: string; unread: number }[] = [];
    socket.on("notification:new", (n: { title: string; unread: number }) => live.push(n));
    try {
      await new Promise((resolve) => socket.once("ready", resolve));
      await api(
        t,
        "POST",
        "/tenant/v1/channels/wordpress",
        owner.accessToken,
        { name: "Blog", siteUrl: wp.url, username: "editor", applicationPassword: "app pass word 1234" },
        201,
      );
      await api(t, "POST", `/tenant/v1/activities/${a!.id}/approve`, owner.accessToken, {}, 200);
      const published = await eventually(
        async () => mailsTo(DEMO_ACCOUNTS.acmeOwner, new RegExp(`Published: ${escapeRegExp(edited)}`))[0],
      );
      expect(published.html).toContain(wp.posts[0]!.link);
      await eventually(async () => live.find((n) => n.title === `Published: ${edited}`));
      expect(live.at(-1)!.unread).toBeGreaterThan(0);
    } finally {
      socket.disconnect();
      await wp.close();
    }
  });

  it("respects an opt-out, and keeps the in-app channel", async () => {
    await api(
      t,
      "PUT",
      "/auth/v1/me/notification-preferences",
      reviewer.accessToken,
      { items: [{ event: "draft_ready_for_review", channel: "email", enabled: false }] },
      200,
    );
    const before = mailsTo(DEMO_ACCOUNTS.reviewer).length;
    const adminBefore = mailsTo(DEMO_ACCOUNTS.superAdmin).length;
    const planId = await approvePlan(t, owner.accessToken, 1, "Opted out");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await eventually(
      async () =>
        (await t.db.notification.count({
          where: { user: { email: DEMO_ACCOUNTS.reviewer }, data: { path: ["activityId"], equals: a!.id } },
        })) === 1,
    );
    // The super-admin (no opt-out) still gets the email for the same draft.
    await eventually(async () => mailsTo(DEMO_ACCOUNTS.superAdmin).length === adminBefore + 1);
    expect(mailsTo(DEMO_ACCOUNTS.reviewer).length).toBe(before);
    await api(
      t,
      "PUT",
      "/auth/v1/me/notification-preferences",
      reviewer.accessToken,
      { items: [{ event: "draft_ready_for_review", channel: "email", enabled: true }] },
      200,
    );
  });

  it("in development, addresses outside the allow-list are logged and skipped", async () => {
    await api(
      t,
      "POST",
      "/tenant/v1/members",
      owner.accessToken,
      { email: "outsider@example.com", name: "Outside Admin", role: "admin" },
      201,
    );
    const planId = await approvePlan(t, owner.accessToken, 1, "Allow-list");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
    const skipped = await eventually(() =>
      t.db.notificationDelivery.findFirst({
        where: {
          channel: "email",
          recipient: { not: "" },
          event: "ready_for_client_review",
          status: "skipped",
          error: { contains: "outsider@example.com" },
        },
      }),
    );
    expect(skipped.error).toMatch(/DEV_ALLOWED_EMAIL_DOMAINS/);
    await eventually(
      async () =>
        (await t.db.notificationDelivery.count({
          where: {
            channel: "email",
            event: "ready_for_client_review",
            recipient: owner.session.userId,
            status: "sent",
            dedupeKey: { contains: a!.id },
          },
        })) === 1,
    );
    expect(mailsTo("outsider@example.com")).toHaveLength(0);
  });

  it("a retried or redelivered send job sends once", async () => {
    const payload = {
      tenantId: null,
      recipient: { email: "ops@leadmetrics.local" },
      event: "job_failed" as const,
      data: { queue: "agent__blog-writer", jobId: "j-1", reason: "boom", attempts: 4 },
      dedupeKey: "retry-once-test",
    };
    const queue = mail.server.queues.queue("notifications__email");
    await queue.add("notifications__email", payload, { jobId: "send-once-a" });
    await eventually(async () => ((await queue.getJobState("send-once-a")) === "completed" ? true : undefined));
    await queue.add("notifications__email", payload, { jobId: "send-once-b" });
    await eventually(async () => ((await queue.getJobState("send-once-b")) === "completed" ? true : undefined));
    expect(mailsTo("ops@leadmetrics.local", /\[ops\] Job failed for good/)).toHaveLength(1);
    expect(await t.db.notificationDelivery.count({ where: { dedupeKey: "retry-once-test" } })).toBe(1);
  });

  it("a template with a missing variable fails the job instead of sending a blank", async () => {
    await mail.server.queues.queue("notifications__email").add(
      "notifications__email",
      {
        tenantId: null,
        recipient: { email: "ops@leadmetrics.local" },
        event: "job_failed",
        data: { queue: "q" },
        dedupeKey: "missing-var",
      },
      { jobId: "missing-var-1" },
    );
    const failed = await eventually(() => t.db.failedJob.findFirst({ where: { jobId: "missing-var-1" } }));
    expect(failed.reason).toMatch(/template for "job_failed" failed/);
    expect(mailsTo("ops@leadmetrics.local", /\[ops\] Job failed for good: q/)).toHaveLength(0);
  });
});

describe("in-app notifications and password reset", () => {
  it("lists, counts and marks notifications read, only the caller's own", async () => {
    const list = await api<{ items: { id: string; read: boolean }[]; unreadCount: number }>(
      t,
      "GET",
      "/auth/v1/me/notifications?unread=true",
      owner.accessToken,
      undefined,
      200,
    );
    expect(list.unreadCount).toBeGreaterThan(0);
    const first = list.items[0]!;
    // Someone else's id answers 404 and changes nothing.
    const other = await t.app.inject({
      method: "POST",
      url: `/auth/v1/me/notifications/${first.id}/read`,
      headers: bearer(reviewer.accessToken),
    });
    expect(other.statusCode).toBe(404);
    await api(t, "POST", `/auth/v1/me/notifications/${first.id}/read`, owner.accessToken, undefined, 200);
    const after = await api<{ unreadCount: number }>(
      t,
      "GET",
      "/auth/v1/me/notifications",
      owner.accessToken,
      undefined,
      200,
    );
    expect(after.unreadCount).toBe(list.unreadCount - 1);
    const all = await api<{ marked: number }>(
      t,
      "POST",
      "/auth/v1/me/notifications/read-all",
      owner.accessToken,
      undefined,
      200,
    );
    expect(all.marked).toBe(list.unreadCount - 1);
  });

  it("forgot-password emails a single-use link that resets the password", async () => {
    await t.app.inject({
      method: "POST",
      url: "/auth/v1/forgot-password",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.globexOwner },
    });
    const message = await eventually(
      async () => mailsTo(DEMO_ACCOUNTS.globexOwner, /Reset your Leadmetrics password/)[0],
    );
    const token = decodeURIComponent(/token=([^"&\s]+)/.exec(message.text ?? "")![1]!);
    expect(message.html).toContain("Choose a new password");
    expect(message.text).toContain(`http://localhost:3000/reset-password?token=${encodeURIComponent(token)}`);

    // The token is in the email alone: no outbox row, job (in any state) or failed job holds it.
    const jobs = await Promise.all(
      (["notifications__dispatch", "notifications__email"] as const).map((q) =>
        mail.server.queues.queue(q).getJobs(["completed", "waiting", "active", "delayed", "failed"]),
      ),
    );
    const stored = JSON.stringify([
      await t.db.outboxJob.findMany(),
      await t.db.failedJob.findMany(),
      jobs.flat().map((j) => j.data),
    ]);
    expect(stored).toContain('"event":"password_reset"');
    expect(stored).not.toContain(token);
    const row = await t.db.userToken.findFirstOrThrow({
      where: { purpose: "password_reset", user: { email: DEMO_ACCOUNTS.globexOwner } },
      orderBy: { createdAt: "desc" },
    });
    expect(row.tokenHash).not.toContain(token);
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 30 * 60 * 1000)).toBeLessThan(2_000);
    const reset = await t.app.inject({
      method: "POST",
      url: "/auth/v1/reset-password",
      remoteAddress: nextIp(),
      payload: { token, password: "a-new-globex-password" },
    });
    expect(reset.statusCode).toBe(200);
    const login = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.globexOwner, password: "a-new-globex-password" },
    });
    expect(login.statusCode).toBe(200);
  });
});

describe("templates", () => {
  it("escape what users typed in HTML, and keep plain text plain", async () => {
    const { renderNotification } = await import("@leadmetrics/server-notifications/templates");
    const r = renderNotification("publish_failed", {
      title: `<img src=x onerror=alert(1)> & "quotes"`,
      tenantName: "Acme",
      reason: "a=b",
      url: "http://x/?a=1&b=2",
    });
    expect(r.html).not.toContain("<img src=x");
    expect(r.html).toContain("&lt;img src&#x3D;x");
    expect(r.text).toContain(`<img src=x onerror=alert(1)> & "quotes"`);
    expect(r.text).toContain("http://x/?a=1&b=2");
    expect(() => renderNotification("publish_failed", { title: "t", tenantName: "Acme", url: "u" })).toThrow(/reason/);
  });
});
