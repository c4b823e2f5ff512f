import { randomUUID } from "node:crypto";
import { createDb, type Db, forTenant, type TenantDb } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createOutboxRelay, createQueueClient, type QueueClient, redisConnection } from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInviteService } from "../src/auth/invites";
import {
  changeMemberRole,
  type InviteDeps,
  inviteMember,
  listMembers,
  type MemberActor,
  removeMember,
} from "../src/domain/members";

// The members' domain functions without HTTP: a real database, a real outbox and queue for the invitations.
const log = createLogger({ service: "members-domain-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let tdb: TenantDb;
let deps: InviteDeps;
let tenantId: string;
let owner: MemberActor;
let otherTenantOwnerId: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  const tenant = await db.tenant.create({
    data: { name: "Members Co", slug: `members-co-${randomUUID().slice(0, 6)}` },
  });
  tenantId = tenant.id;
  const ownerUser = await db.user.create({
    data: { email: "owner@members.test", name: "Olive Owner", passwordHash: "a-hash" },
  });
  await db.tenantMember.create({ data: { tenantId, userId: ownerUser.id, role: "owner" } });
  owner = { tenantId, userId: ownerUser.id, role: "owner", requestId: "req-owner" };
  tdb = forTenant(db, tenantId);
  deps = { tdb, invites: createInviteService({ db, outbox: createOutboxRelay({ db, queues, log }) }), log };
  otherTenantOwnerId = (
    await db.tenantMember.findFirstOrThrow({ where: { tenant: { slug: "globex-marketing" }, role: "owner" } })
  ).userId;
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

const invitationsTo = async (userId: string) =>
  (await queues.queue("notifications__dispatch").getJobs(["waiting", "delayed", "active", "completed"])).filter(
    (j) => j.data.event === "invitation" && j.data.recipient.userId === userId,
  );
const auditOf = (action: string, targetId: string) =>
  db.auditLog.findMany({
    where: { tenantId, action, targetId },
    select: { actorId: true, requestId: true, metadata: true },
  });
/** Everything a refused call must leave as it was. */
const snapshot = async () => ({
  members: await db.tenantMember.findMany({
    where: { tenantId },
    select: { userId: true, role: true },
    orderBy: { userId: "asc" },
  }),
  users: await db.user.count(),
  audit: await db.auditLog.count({ where: { tenantId } }),
});
const asAdmin = async (): Promise<MemberActor> => {
  const admin = await inviteMember(deps, owner, {
    email: `admin-${randomUUID()}@members.test`,
    name: "A",
    role: "admin",
  });
  return { tenantId, userId: admin.userId, role: "admin", requestId: "req-admin" };
};

describe("inviteMember", () => {
  it("makes the account, the membership and the audit row, and sends a new account an invitation", async () => {
    const member = await inviteMember(deps, owner, { email: "newbie@members.test", name: "Nina", role: "member" });
    expect(member).toMatchObject({
      email: "newbie@members.test",
      name: "Nina",
      role: "member",
      invitationPending: true,
    });
    expect(await db.tenantMember.findFirstOrThrow({ where: { tenantId, userId: member.userId } })).toMatchObject({
      role: "member",
      invitedById: owner.userId,
    });
    expect(await auditOf("member.invited", member.userId)).toEqual([
      { actorId: owner.userId, requestId: "req-owner", metadata: { role: "member" } },
    ]);
    const invites = await invitationsTo(member.userId);
    expect(invites).toHaveLength(1);
    expect(invites[0]!.data).toMatchObject({
      tenantId: null,
      data: { invitedTo: "Members Co" },
      requestId: "req-owner",
    });
    expect((await listMembers(tdb)).map((m) => m.email)).toEqual(["owner@members.test", "newbie@members.test"]);
  });

  it("adds an existing account as it is: no second account, no invitation when it has a password", async () => {
    const existing = await db.user.create({
      data: { email: "known@members.test", name: "Kept Name", passwordHash: "h" },
    });
    const member = await inviteMember(deps, owner, { email: "known@members.test", name: "Ignored", role: "member" });
    expect(member).toMatchObject({ userId: existing.id, name: "Kept Name", invitationPending: false });
    expect(await db.user.count({ where: { email: "known@members.test" } })).toBe(1);
    expect(await invitationsTo(existing.id)).toEqual([]);
  });

  it("refuses a person who is already a member (409 ALREADY_MEMBER) and changes nothing", async () => {
    const before = await snapshot();
    await expect(
      inviteMember(deps, owner, { email: "owner@members.test", name: "Again", role: "admin" }),
    ).rejects.toMatchObject({ statusCode: 409, code: "ALREADY_MEMBER", message: "This person is already a member" });
    expect(await snapshot()).toEqual(before);
  });

  it("lets only an owner add an owner (403), and a refused invitation makes no account", async () => {
    const admin = await asAdmin();
    const before = await snapshot();
    await expect(
      inviteMember(deps, admin, { email: "would-be-owner@members.test", name: "W", role: "owner" }),
    ).rejects.toMatchObject({ statusCode: 403, code: "FORBIDDEN", message: "Only an owner can add another owner" });
    expect(await snapshot()).toEqual(before);
    expect(await db.user.findUnique({ where: { email: "would-be-owner@members.test" } })).toBeNull();
  });
});

describe("changeMemberRole", () => {
  it("changes the role with an audit row of from and to", async () => {
    const member = await inviteMember(deps, owner, { email: "promote@members.test", name: "P", role: "member" });
    const changed = await changeMemberRole(tdb, owner, member.userId, "admin");
    expect(changed).toMatchObject({ userId: member.userId, role: "admin" });
    expect(await auditOf("member.role_changed", member.userId)).toEqual([
      { actorId: owner.userId, requestId: "req-owner", metadata: { from: "member", to: "admin" } },
    ]);
  });

  it("keeps the last owner: demoting them is 409 LAST_OWNER and changes nothing", async () => {
    const before = await snapshot();
    await expect(changeMemberRole(tdb, owner, owner.userId, "admin")).rejects.toMatchObject({
      statusCode: 409,
      code: "LAST_OWNER",
      message: "A workspace must keep at least one owner",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("an admin can neither touch an owner nor make one (403), and nothing changes", async () => {
    const admin = await asAdmin();
    const member = await inviteMember(deps, owner, {
      email: `m-${randomUUID()}@members.test`,
      name: "M",
      role: "member",
    });
    const before = await snapshot();
    await expect(changeMemberRole(tdb, admin, owner.userId, "member")).rejects.toMatchObject({
      statusCode: 403,
      message: "Only an owner can change or remove an owner",
    });
    await expect(changeMemberRole(tdb, admin, member.userId, "owner")).rejects.toMatchObject({
      statusCode: 403,
      message: "Only an owner can make someone an owner",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("with a second owner, an owner may be demoted", async () => {
    const second = await inviteMember(deps, owner, { email: "second-owner@members.test", name: "S", role: "member" });
    await changeMemberRole(tdb, owner, second.userId, "owner");
    expect((await changeMemberRole(tdb, owner, second.userId, "member")).role).toBe("member");
  });

  it("answers 404 for someone who is not a member of this workspace, even a member of another", async () => {
    await expect(changeMemberRole(tdb, owner, otherTenantOwnerId, "member")).rejects.toMatchObject({
      statusCode: 404,
      code: "NOT_FOUND",
      message: "Member not found",
    });
    expect(await db.tenantMember.findFirstOrThrow({ where: { userId: otherTenantOwnerId } })).toMatchObject({
      role: "owner",
    });
  });
});

describe("removeMember", () => {
  it("removes the membership with an audit row; the account stays", async () => {
    const member = await inviteMember(deps, owner, { email: "leaver@members.test", name: "L", role: "admin" });
    await removeMember(tdb, { ...owner, requestId: "req-remove" }, member.userId);
    expect(await db.tenantMember.findFirst({ where: { tenantId, userId: member.userId } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: member.userId } })).not.toBeNull();
    expect(await auditOf("member.removed", member.userId)).toEqual([
      { actorId: owner.userId, requestId: "req-remove", metadata: { role: "admin" } },
    ]);
  });

  it("refuses to remove the last owner (409 LAST_OWNER), an owner by an admin (403), or a stranger (404); nothing changes", async () => {
    const admin = await asAdmin();
    const before = await snapshot();
    await expect(removeMember(tdb, owner, owner.userId)).rejects.toMatchObject({ statusCode: 409, code: "LAST_OWNER" });
    await expect(removeMember(tdb, admin, owner.userId)).rejects.toMatchObject({ statusCode: 403, code: "FORBIDDEN" });
    await expect(removeMember(tdb, owner, otherTenantOwnerId)).rejects.toMatchObject({ statusCode: 404 });
    await expect(removeMember(tdb, owner, randomUUID())).rejects.toMatchObject({ statusCode: 404 });
    expect(await snapshot()).toEqual(before);
    expect(await db.tenantMember.count({ where: { userId: otherTenantOwnerId } })).toBe(1);
  });
});
