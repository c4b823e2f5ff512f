import { createDb, type Db, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_SETTINGS_LABELS,
  notificationPreferences,
  saveNotificationPreferences,
  unreadNotifications,
} from "../src/domain/notifications";

// The inbox and settings functions without HTTP, on a real database.
let db: Db;
let owner: string;
let reviewer: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  owner = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.acmeOwner } })).id;
  reviewer = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.reviewer } })).id;
});
afterAll(() => db?.$disconnect());

/** A notification `minutesAgo` old, read or not. */
const notify = (userId: string, name: string, minutesAgo: number, read = false) =>
  db.notification.create({
    data: {
      userId,
      event: "published",
      title: `Published: ${name}`,
      body: `Published: ${name}`,
      link: `/activities/${name}`,
      data: { title: name, url: `http://localhost:3000/activities/${name}` },
      dedupeKey: `domain-${name}`,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      readAt: read ? new Date() : null,
    },
  });

describe("the inbox", () => {
  it("lists unread first, then newest, with the object's title and its address", async () => {
    await notify(owner, "old unread", 30);
    await notify(owner, "new read", 1, true);
    await notify(owner, "new unread", 2);
    await notify(owner, "old read", 40, true);
    await notify(reviewer, "someone else's", 0);

    const first = await listNotifications(db, owner, { page: 1, pageSize: 3, unread: false });
    expect(first.items.map((n) => n.objectTitle)).toEqual(["new unread", "old unread", "new read"]);
    expect(first).toMatchObject({ total: 4, unreadCount: 2 });
    expect(first.items[0]).toMatchObject({
      read: false,
      link: "/activities/new unread",
      url: "http://localhost:3000/activities/new unread",
    });
    const second = await listNotifications(db, owner, { page: 2, pageSize: 3, unread: false });
    expect(second.items.map((n) => n.objectTitle)).toEqual(["old read"]);
    const unread = await listNotifications(db, owner, { page: 1, pageSize: 10, unread: true });
    expect(unread.items.map((n) => n.objectTitle)).toEqual(["new unread", "old unread"]);
  });

  it("marks one read (again keeps the first time), never another user's, then all", async () => {
    const n = await notify(owner, "to read", 5);
    await expect(markNotificationRead(db, reviewer, n.id)).rejects.toMatchObject({ statusCode: 404 });
    await markNotificationRead(db, owner, n.id);
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt;
    expect(readAt).not.toBeNull();
    await markNotificationRead(db, owner, n.id);
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toEqual(readAt);

    const before = await unreadNotifications(db, owner);
    expect(await markAllNotificationsRead(db, owner)).toBe(before);
    expect(await unreadNotifications(db, owner)).toBe(0);
    expect(await unreadNotifications(db, reviewer)).toBeGreaterThan(0);
  });
});

describe("notification settings", () => {
  it("names every event and channel in words, and says why a mandatory event stays on", () => {
    const reset = NOTIFICATION_SETTINGS_LABELS.events.find((e) => e.event === "password_reset")!;
    expect(reset.mandatoryWhy).toMatch(/account/);
    const draft = NOTIFICATION_SETTINGS_LABELS.events.find((e) => e.event === "draft_ready_for_review")!;
    expect(draft).toMatchObject({ group: "Drafts and approvals", audience: "staff", mandatoryWhy: null });
    expect(NOTIFICATION_SETTINGS_LABELS.channels.map((c) => c.label)).toContain("In the app");
  });

  it("saves a choice, and a mandatory event stays on whatever is saved", async () => {
    const effective = (prefs: Awaited<ReturnType<typeof notificationPreferences>>, event: string, channel: string) =>
      prefs.find((p) => p.event === event && p.channel === channel);
    expect(effective(await notificationPreferences(db, owner), "published", "email")?.enabled).toBe(true);
    const saved = await saveNotificationPreferences(db, owner, [
      { event: "published", channel: "email", enabled: false },
      { event: "password_reset", channel: "email", enabled: false },
    ]);
    expect(effective(saved, "published", "email")?.enabled).toBe(false);
    expect(effective(saved, "password_reset", "email")).toMatchObject({ enabled: true, mandatory: true });
    expect(effective(await notificationPreferences(db, owner), "published", "email")?.enabled).toBe(false);
  });
});
