import { PORTALS, STAFF_ROLES, TENANT_ROLES } from "@leadmetrics/auth";
import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema, timezoneSchema } from "../../lib/http-schemas";

export const portalField = z
  .enum(PORTALS)
  .optional()
  .describe("Set the portal's httpOnly cookies as well as returning the tokens");

export const registerBody = z.strictObject({ email: emailSchema, password: passwordSchema, name: nameSchema });
export const registerResponse = z.object({ registrationToken: z.string(), expiresAt: z.string() });

export const completeRegistrationBody = z.strictObject({
  registrationToken: z.string().min(1).max(2048),
  workspaceName: z.string().trim().min(2).max(120),
  timezone: timezoneSchema.default("UTC"),
  portal: portalField,
});

export const loginBody = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(128),
  portal: portalField,
  tenantId: z.uuid().optional().describe("Which workspace to act for, when the user belongs to several"),
});

export const refreshBody = z.strictObject({
  refreshToken: z.string().min(1).max(512).optional().describe("Omit to use the portal's refresh cookie"),
  portal: portalField,
});

export const logoutBody = z.strictObject({ portal: portalField }).default({});

export const forgotPasswordBody = z.strictObject({ email: emailSchema });
export const resetPasswordBody = z.strictObject({ token: z.string().min(1).max(512), password: passwordSchema });
export const acceptInviteBody = z.strictObject({
  token: z.string().min(1).max(512),
  password: passwordSchema,
  name: nameSchema.optional(),
});

export const sessionSchema = z.object({
  kind: z.enum(["tenant", "staff"]),
  userId: z.uuid(),
  tenantId: z.uuid().nullable(),
  role: z.enum([...TENANT_ROLES, ...STAFF_ROLES]),
  appAccess: z.array(z.enum(PORTALS)),
});

export const sessionResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshTokenExpiresAt: z.string(),
  session: sessionSchema,
});

export const meResponse = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    platformRole: z.enum(["super_admin", "dm_reviewer", "none"]),
  }),
  session: sessionSchema,
  memberships: z.array(
    z.object({
      tenantId: z.uuid(),
      tenantName: z.string(),
      role: z.enum(TENANT_ROLES),
      tenantStatus: z.enum(["active", "suspended"]),
      tenantSuspendedAt: z.string().nullable(),
      /** The IANA zone the workspace's pages write moments in ("Europe/Berlin"). */
      tenantTimezone: z.string(),
    }),
  ),
});
