export { createDb, type Db, type CreateDbOptions } from "./client";
export { forTenant, createTenantClient, TenantScopeError, TENANT_SCOPED_MODELS, NOT_TENANT_SCOPED, type TenantDb, type TenantTx } from "./tenant-client";
export { writeAudit, type AuditEntry } from "./audit";
export { migrate, MIGRATIONS_DIR } from "./migrate";
export { isNotFoundError, uniqueViolation, isUnavailableError } from "./errors";
export { Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/client";
export { TenantStatus, PlatformRole, TenantRole, UserTokenPurpose } from "./generated/prisma/enums";
export { seedDemo, DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD, DEMO_CREDITS } from "./seed";
