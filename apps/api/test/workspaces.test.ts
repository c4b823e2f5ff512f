import { createDb, type Db, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createOutboxRelay, createQueueClient, type QueueClient, redisConnection } from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInviteService } from "../src/auth/invites";
import { createWorkspace, type WorkspaceDeps } from "../src/domain/workspaces";

// createWorkspace without HTTP: a real database, a real outbox and queue for the invitation.
let db: Db;
let queues: QueueClient;
let deps: WorkspaceDeps;
let adminId: string;
const WELCOME = 100;
const log = createLogger({ service: "workspaces-test", level: "silent" });

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  const outbox = createOutboxRelay({ db, queues, log });
  deps = { db, welcomeCredits: WELCOME, invites: createInviteService({ db, outbox }), log };
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.superAdmin } })).id;
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

const ledgerOf = (tenantId: string) =>
  db.creditLedger.findMany({ where: { tenantId }, select: { kind: true, amount: true, note: true, actorId: true } });
const invitations = async () =>
  (await queues.queue("notifications__dispatch").getJobs(["waiting", "delayed", "active", "completed"])).filter(
    (j) => j.data.event === "invitation",
  );
const byAdmin = () => ({ kind: "super-admin" as const, userId: adminId });

describe("createWorkspace", () => {
  it("self-signup: the account with its password, the tenant, the owner membership, the audit row and the welcome credits", async () => {
    const invitesBefore = (await invitations()).length;
    const { tenant, owner, ownerInvited } = await createWorkspace(deps, {
      name: "Signed Up Co",
      timezone: "Europe/Berlin",
      owner: { email: "founder@signedup.test", name: "Fran", passwordHash: "hash-of-a-password" },
      createdBy: { kind: "self-signup" },
      requestId: "req-signup",
    });
    expect(tenant).toMatchObject({ name: "Signed Up Co", timezone: "Europe/Berlin", status: "active" });
    expect(tenant.slug).toMatch(/^signed-up-co-[0-9a-f]{6}$/);
    expect(owner).toMatchObject({ email: "founder@signedup.test", passwordHash: "hash-of-a-password" });
    expect(ownerInvited).toBe(false);
    expect(await db.tenantMember.findMany({ where: { tenantId: tenant.id } })).toEqual([
      expect.objectContaining({ userId: owner.id, role: "owner", invitedById: null }),
    ]);
    expect(
      await db.auditLog.findMany({
        where: { tenantId: tenant.id, action: { startsWith: "tenant." } },
        select: { action: true, actorId: true, requestId: true },
      }),
    ).toEqual([{ action: "tenant.registered", actorId: owner.id, requestId: "req-signup" }]);
    expect(await ledgerOf(tenant.id)).toEqual([
      { kind: "grant", amount: WELCOME, note: "Welcome credits", actorId: null },
    ]);
    expect((await invitations()).length).toBe(invitesBefore);
  });

  it("a super-admin's workspace starts with the same welcome credits, and its new owner is invited", async () => {
    const invitesBefore = (await invitations()).length;
    const { tenant, owner, ownerInvited } = await createWorkspace(deps, {
      name: "Initech",
      timezone: "America/Chicago",
      owner: { email: "peter@initech.test", name: "Peter" },
      createdBy: byAdmin(),
      requestId: "req-admin",
    });
    expect(owner).toMatchObject({ email: "peter@initech.test", passwordHash: null });
    expect(ownerInvited).toBe(true);
    expect(await db.tenantMember.findMany({ where: { tenantId: tenant.id } })).toEqual([
      expect.objectContaining({ userId: owner.id, role: "owner", invitedById: adminId }),
    ]);
    expect(
      await db.auditLog.findMany({
        where: { tenantId: tenant.id, action: { startsWith: "tenant." } },
        select: { action: true, actorId: true, metadata: true },
      }),
    ).toEqual([{ action: "tenant.created", actorId: adminId, metadata: { ownerEmail: "peter@initech.test" } }]);
    expect(await ledgerOf(tenant.id)).toEqual([
      { kind: "grant", amount: WELCOME, note: "Welcome credits", actorId: null },
    ]);
    const invites = await invitations();
    expect(invites.length).toBe(invitesBefore + 1);
    expect(invites.some((j) => j.data.recipient.userId === owner.id && j.data.data.invitedTo === "Initech")).toBe(true);
  });

  it("a super-admin may choose the starting credits instead (0: none)", async () => {
    const none = await createWorkspace(deps, {
      name: "No Credits Ltd",
      timezone: "UTC",
      owner: { email: "nobody@nocredits.test", name: "N" },
      createdBy: byAdmin(),
      initialCredits: 0,
    });
    expect(await ledgerOf(none.tenant.id)).toEqual([]);
    expect(await db.creditBalance.findUnique({ where: { tenantId: none.tenant.id } })).toBeNull();

    const some = await createWorkspace(deps, {
      name: "Big Budget Ltd",
      timezone: "UTC",
      owner: { email: "rich@bigbudget.test", name: "R" },
      createdBy: byAdmin(),
      initialCredits: 250,
    });
    expect(await ledgerOf(some.tenant.id)).toEqual([
      { kind: "grant", amount: 250, note: "Initial credits", actorId: adminId },
    ]);
    expect(await db.creditBalance.findUniqueOrThrow({ where: { tenantId: some.tenant.id } })).toMatchObject({
      available: 250,
      reserved: 0,
    });
  });

  it("a super-admin may name an existing account as owner: no second account, no invitation when it has a password", async () => {
    const invitesBefore = (await invitations()).length;
    const existing = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.globexOwner } });
    const { owner, ownerInvited, tenant } = await createWorkspace(deps, {
      name: "Globex Two",
      timezone: "UTC",
      owner: { email: DEMO_ACCOUNTS.globexOwner, name: "Ignored" },
      createdBy: byAdmin(),
    });
    expect(owner.id).toBe(existing.id);
    expect(owner.name).toBe(existing.name);
    expect(ownerInvited).toBe(false);
    expect(await db.user.count({ where: { email: DEMO_ACCOUNTS.globexOwner } })).toBe(1);
    expect(await db.tenantMember.count({ where: { tenantId: tenant.id, userId: existing.id, role: "owner" } })).toBe(1);
    expect((await invitations()).length).toBe(invitesBefore);
  });

  it("with no welcome credits configured, a new workspace starts with none", async () => {
    const { tenant } = await createWorkspace(
      { ...deps, welcomeCredits: 0 },
      {
        name: "Zero Welcome",
        timezone: "UTC",
        owner: { email: "zero@welcome.test", name: "Z", passwordHash: "h" },
        createdBy: { kind: "self-signup" },
      },
    );
    expect(await ledgerOf(tenant.id)).toEqual([]);
  });

  it("writes nothing when a step fails (a taken email on self-signup)", async () => {
    const tenantsBefore = await db.tenant.count();
    await expect(
      createWorkspace(deps, {
        name: "Duplicate",
        timezone: "UTC",
        owner: { email: DEMO_ACCOUNTS.acmeOwner, name: "Dup", passwordHash: "h" },
        createdBy: { kind: "self-signup" },
      }),
    ).rejects.toBeDefined();
    expect(await db.tenant.count()).toBe(tenantsBefore);
  });
});
