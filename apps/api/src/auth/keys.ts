import { createHash } from "node:crypto";

/** Every Redis key the auth layer uses, in one place. */
export const authKeys = {
  revokedJti: (jti: string) => `auth:revoked-jti:${jti}`,
  revokedBefore: (userId: string) => `auth:revoked-before:${userId}`,
  loginFailures: (email: string) => `auth:login-failures:${createHash("sha256").update(email).digest("hex")}`,
  registration: (sessionId: string) => `auth:registration:${sessionId}`,
};
