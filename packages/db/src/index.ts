export { type AuditEntry, writeAudit, writeTenantAudit } from "./audit";
export {
  CHANNEL_HEALTHS,
  type ChannelHealth,
  channelHealth,
  channelHealthUpdate,
  findPublishingChannel,
  UNREADABLE_CHANNEL_PASSWORD,
} from "./channels";
export { type CreateDbOptions, createDb, type Db } from "./client";
export { isNotFoundError, isUnavailableError, uniqueViolation } from "./errors";
export type * from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";
export { DeliverableType, PlatformRole, TenantRole, TenantStatus, UserTokenPurpose } from "./generated/prisma/enums";
export { likeLiteral } from "./like";
export { MIGRATIONS_DIR, migrate } from "./migrate";
export { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, DEMO_CREDITS, seedDemo } from "./seed";
export {
  SCALE_DEEP_QUEUE_PAGE,
  SCALE_DEFAULTS,
  SCALE_TENANT_SLUG_PREFIX,
  type ScaleSizes,
  scaleOwnerEmail,
  seedScale,
} from "./seed-scale";
export {
  type SqlRunner,
  type SqlStatement,
  sqlStatement,
  type TenantSqlRunner,
  type TenantSqlStatement,
  tenantSqlStatement,
} from "./sql";
export {
  createTenantClient,
  forTenant,
  NOT_TENANT_SCOPED,
  TENANT_SCOPED_MODELS,
  type TenantDb,
  TenantScopeError,
  type TenantTx,
} from "./tenant-client";
export { uuidv7 } from "./uuid";
