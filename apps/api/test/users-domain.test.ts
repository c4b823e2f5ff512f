import { verifyPassword } from "@leadmetrics/auth";
import { createDb, type Db, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createOutboxRelay, createQueueClient, type QueueClient, redisConnection } from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInviteService } from "../src/auth/invites";
import { createStaffUser, listUsers, type StaffUserDeps } from "../src/domain/users";

// The platform's user functions without HTTP: a real database, a real outbox and queue for the invitations.
const log = createLogger({ service: "users-domain-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let deps: StaffUserDeps;
let admin: { userId: string; requestId: string };

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  deps = { db, invites: createInviteService({ db, outbox: createOutboxRelay({ db, queues, log }) }), log };
  admin = {
    userId: (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.superAdmin } })).id,
    requestId: "req-users",
  };
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

const invitationsTo = async (userId: string) =>
  (await queues.queue("notifications__dispatch").getJobs(["waiting", "delayed", "active", "completed"])).filter(
    (j) => j.data.event === "invitation" && j.data.recipient.userId === userId,
  );

describe("createStaffUser", () => {
  it("with a password: the account, hashed, and its audit row; no invitation", async () => {
    const user = await createStaffUser(deps, admin, {
      email: "rita@staff.test",
      name: "Rita Reviewer",
      platformRole: "dm_reviewer",
      password: "a-long-password-1",
    });
    expect(user).toMatchObject({
      email: "rita@staff.test",
      platformRole: "dm_reviewer",
      disabled: false,
      invitationPending: false,
      memberships: [],
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toContain("a-long-password-1");
    expect(await verifyPassword(stored.passwordHash, "a-long-password-1")).toBe(true);
    expect(
      await db.auditLog.findMany({
        where: { targetId: user.id },
        select: { tenantId: true, actorId: true, action: true, requestId: true, metadata: true },
      }),
    ).toEqual([
      {
        tenantId: null,
        actorId: admin.userId,
        action: "user.created",
        requestId: "req-users",
        metadata: { platformRole: "dm_reviewer" },
      },
    ]);
    expect(await invitationsTo(user.id)).toEqual([]);
  });

  it("without a password: an invitation to join the Leadmetrics team", async () => {
    const user = await createStaffUser(deps, admin, {
      email: "sam@staff.test",
      name: "Sam",
      platformRole: "super_admin",
    });
    expect(user.invitationPending).toBe(true);
    const invites = await invitationsTo(user.id);
    expect(invites.map((j) => j.data.data)).toEqual([{ invitedTo: "the Leadmetrics team" }]);
  });

  it("refuses an email that has an account (409 EMAIL_TAKEN) and changes nothing", async () => {
    const before = { users: await db.user.count(), audit: await db.auditLog.count() };
    await expect(
      createStaffUser(deps, admin, { email: DEMO_ACCOUNTS.acmeOwner, name: "Dup", platformRole: "dm_reviewer" }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: "EMAIL_TAKEN",
      message: "An account with this email already exists",
    });
    expect({ users: await db.user.count(), audit: await db.auditLog.count() }).toEqual(before);
  });
});

describe("listUsers", () => {
  it("lists newest first with memberships, filters by role and searches email or name in any case", async () => {
    const all = await listUsers(db, {}, { skip: 0, take: 100 });
    expect(all.total).toBe(await db.user.count());
    const created = all.users.map((u) => u.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const owner = all.users.find((u) => u.email === DEMO_ACCOUNTS.acmeOwner)!;
    expect(owner.memberships).toEqual([expect.objectContaining({ tenantName: "Acme Digital", role: "owner" })]);

    const reviewers = await listUsers(db, { platformRole: "dm_reviewer" }, { skip: 0, take: 100 });
    expect(reviewers.users.every((u) => u.platformRole === "dm_reviewer")).toBe(true);
    expect(reviewers.users.map((u) => u.email)).toEqual(
      expect.arrayContaining(["rita@staff.test", DEMO_ACCOUNTS.reviewer]),
    );

    expect((await listUsers(db, { search: "RITA@STAFF" }, { skip: 0, take: 100 })).users.map((u) => u.email)).toEqual([
      "rita@staff.test",
    ]);
    expect(
      (await listUsers(db, { search: "rita reviewer" }, { skip: 0, take: 100 })).users.map((u) => u.email),
    ).toEqual(["rita@staff.test"]);
    // What a person types is matched literally: "_" and "%" are not wildcards.
    expect((await listUsers(db, { search: "rita_staff" }, { skip: 0, take: 100 })).users).toEqual([]);
    expect((await listUsers(db, { search: "%" }, { skip: 0, take: 100 })).users).toEqual([]);

    const second = await listUsers(db, {}, { skip: 1, take: 1 });
    expect(second.users.map((u) => u.id)).toEqual([all.users[1]!.id]);
    expect(second.total).toBe(all.total);
  });
});
