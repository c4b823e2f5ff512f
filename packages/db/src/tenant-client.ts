import { AppError } from "@leadmetrics/errors";
import type { Db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { tenantSqlRunner } from "./sql";

/**
 * Models that belong to one tenant: a tenant client adds `tenantId` to every read and write
 * of these, and refuses any query that names another tenant. Every model with a `tenantId`
 * column must be listed here or in NOT_TENANT_SCOPED (a test checks the schema against both).
 */
export const TENANT_SCOPED_MODELS = new Set<Prisma.ModelName>([
  "TenantMember",
  "AuditLog",
  "DeliverablePlan",
  "DeliverablePlanItem",
  "DeliverablePeriod",
  "Activity",
  "ActivityEvent",
  "ContentVersion",
  "BlogPost",
  "SocialPost",
  "ClientContext",
  "AgentConfig",
  "AgentRun",
  "CreditBalance",
  "CreditLedger",
  "ConnectedChannel",
  // OAuth connects in progress (state hash, sealed tokens until an account is picked).
  "ChannelConnection",
  // Uploaded images; the bytes are in object storage under a key that starts with the tenant id.
  "MediaAsset",
  // Follow-up jobs a tenant's change stages in its own transaction (platform jobs have no tenant).
  "OutboxJob",
]);

/** Models with a `tenantId` column that tenant routes must never reach directly. */
export const NOT_TENANT_SCOPED = new Set<Prisma.ModelName>([
  "RefreshTokenFamily",
  // Platform-wide skills have no tenant: workers read them with an explicit (tenant OR global) filter.
  "Skill",
  // Operators' view of dead jobs, across tenants (Manage portal).
  "FailedJob",
  // A user's own notifications: read only by their recipient, through /auth/v1/me.
  "Notification",
  // The notifications server's record of what was sent: platform-side, never read by tenant routes.
  "NotificationDelivery",
  // Emails waiting for their recipient's digest, which may span tenants: the notifications server's alone.
  "NotificationDigestItem",
]);

export class TenantScopeError extends AppError {
  constructor(message: string) {
    super(403, "TENANT_SCOPE_VIOLATION", message);
    this.name = "TenantScopeError";
  }
}

type Args = Record<string, unknown>;

const WHERE_OPS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);
const CREATE_OPS = new Set(["create", "createMany", "createManyAndReturn"]);
const UPDATE_OPS = new Set(["update", "updateMany", "updateManyAndReturn"]);
const READ_OPS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);

function assertOwnTenant(value: unknown, tenantId: string, where: string): void {
  if (value !== undefined && value !== tenantId) {
    throw new TenantScopeError(`${where} names another tenant`);
  }
}

function scopeData(data: unknown, tenantId: string, inject: boolean): unknown {
  if (Array.isArray(data)) return data.map((d) => scopeData(d, tenantId, inject));
  if (!data || typeof data !== "object") return data;
  const record = data as Args;
  if ("tenant" in record) throw new TenantScopeError("a tenant client sets the tenant itself");
  assertOwnTenant(record.tenantId, tenantId, "data.tenantId");
  return inject ? { ...record, tenantId } : record;
}

function scopeWhere(where: unknown, tenantId: string): Args {
  const w = (where ?? {}) as Args;
  assertOwnTenant(w.tenantId, tenantId, "where.tenantId");
  return { ...w, tenantId };
}

function scopeTenantScoped(operation: string, args: Args, tenantId: string): Args {
  const out: Args = { ...args };
  if (WHERE_OPS.has(operation)) out.where = scopeWhere(args.where, tenantId);
  if (CREATE_OPS.has(operation)) out.data = scopeData(args.data, tenantId, true);
  if (UPDATE_OPS.has(operation)) out.data = scopeData(args.data, tenantId, false);
  if (operation === "upsert") {
    out.create = scopeData(args.create, tenantId, true);
    out.update = scopeData(args.update, tenantId, false);
  }
  return out;
}

const TENANT_SELF_UPDATABLE = new Set(["name", "timezone"]);
const USER_CREATABLE = new Set(["email", "name"]);

function onlyKeys(data: unknown, allowed: Set<string>, what: string): void {
  for (const key of Object.keys((data ?? {}) as Args)) {
    if (!allowed.has(key)) throw new TenantScopeError(`${what}: "${key}" cannot be set from a tenant client`);
  }
}

/**
 * The tenant row itself: readable, and a few settings updatable, only for the own tenant. The
 * caller's filter is kept inside an AND, so asking for another tenant's id finds nothing (404).
 */
function scopeTenantModel(operation: string, args: Args, tenantId: string): Args {
  const where = { id: tenantId, AND: [(args.where ?? {}) as Args] };
  if (READ_OPS.has(operation)) return { ...args, where };
  if (operation === "update") {
    onlyKeys(args.data, TENANT_SELF_UPDATABLE, "Tenant");
    return { ...args, where };
  }
  throw new TenantScopeError(`Tenant.${operation} is not allowed from a tenant client`);
}

/**
 * Users are global: a tenant sees only its members. To invite someone it may find-or-create a
 * plain user by email (`upsert` with an empty update), learning nothing but the id.
 */
function scopeUserModel(operation: string, args: Args, tenantId: string): Args {
  if (READ_OPS.has(operation)) {
    return { ...args, where: { ...((args.where ?? {}) as Args), memberships: { some: { tenantId } } } };
  }
  if (operation === "create") {
    onlyKeys(args.data, USER_CREATABLE, "User");
    return args;
  }
  if (operation === "upsert") {
    const whereKeys = Object.keys((args.where ?? {}) as Args);
    const select = JSON.stringify(args.select ?? null);
    if (
      whereKeys.length !== 1 ||
      whereKeys[0] !== "email" ||
      Object.keys((args.update ?? {}) as Args).length > 0 ||
      select !== '{"id":true}'
    ) {
      throw new TenantScopeError(
        "User.upsert from a tenant client must be { where: { email }, update: {}, select: { id: true } }",
      );
    }
    onlyKeys(args.create, USER_CREATABLE, "User");
    return args;
  }
  throw new TenantScopeError(`User.${operation} is not allowed from a tenant client`);
}

/**
 * A client that can only see and change one tenant's rows. Tenant route handlers get this
 * from the guard and never touch the global client.
 */
export function createTenantClient(db: Db, tenantId: string) {
  // The thin SQL layer, bound to this tenant: only tenant statements, with this tenant as $1.
  const $sql = tenantSqlRunner(db.$sql, tenantId);
  const client = db.$extends({
    name: "tenant-scope",
    client: { $sql },
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (!model) throw new TenantScopeError(`${operation} (raw SQL) is not allowed from a tenant client`);
        const a = (args ?? {}) as Args;
        if (model === "Tenant") return query(scopeTenantModel(operation, a, tenantId));
        if (model === "User") return query(scopeUserModel(operation, a, tenantId));
        if (TENANT_SCOPED_MODELS.has(model as Prisma.ModelName))
          return query(scopeTenantScoped(operation, a, tenantId));
        throw new TenantScopeError(`${model} is not reachable from a tenant client`);
      },
    },
  });
  // Prisma hands a transaction's callback the base client's extensions only: its `$sql` would be
  // the unscoped runner. The callback gets this tenant's, which runs in the transaction (sql.ts).
  const $transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const scopedTx = (tx: object) =>
    new Proxy(tx, { get: (target, key) => (key === "$sql" ? $sql : Reflect.get(target, key)) });
  const scopedTransaction = (arg: unknown, ...rest: unknown[]) =>
    typeof arg === "function" ? $transaction((tx: object) => arg(scopedTx(tx)), ...rest) : $transaction(arg, ...rest);
  // A proxy, not an assignment: the extended client writes through to the shared base client.
  return new Proxy(client, {
    get: (target, key) => (key === "$transaction" ? scopedTransaction : Reflect.get(target, key)),
  });
}

export type TenantDb = ReturnType<typeof createTenantClient>;

const cache = new WeakMap<Db, Map<string, TenantDb>>();
const CACHE_LIMIT = 1_000;

/** `forTenant(db, tenantId)`: the tenant-scoped client, cached per tenant (an LRU of 1,000). */
export function forTenant(db: Db, tenantId: string): TenantDb {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const hit = perDb.get(tenantId);
  if (hit) {
    perDb.delete(tenantId);
    perDb.set(tenantId, hit);
    return hit;
  }
  const client = createTenantClient(db, tenantId);
  perDb.set(tenantId, client);
  if (perDb.size > CACHE_LIMIT) perDb.delete(perDb.keys().next().value as string);
  return client;
}

/** The client inside `forTenant(...).$transaction(async (tx) => …)`: scoped the same way. */
export type TenantTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];
