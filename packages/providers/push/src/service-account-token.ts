import { callHttp, isRetryableStatus, type ProviderError } from "@leadmetrics/provider-core";
import { importPKCS8, SignJWT } from "jose";
import { z } from "zod";

export const FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Refresh this long before the token expires, so a send never goes out with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

type MakeError = (
  message: string,
  retryable: boolean,
  status?: number,
  options?: { retryAfterMs?: number; cause?: unknown },
) => ProviderError;

export interface ServiceAccountTokenSource {
  /** A valid access token, from the cache while it has more than a minute left. */
  get(): Promise<string>;
  /** Forgets the cached token (the API refused it before its time). */
  invalidate(): void;
}

/**
 * OAuth2 access tokens for a Google service account (RFC 7523 JWT bearer grant): a JWT signed
 * with the account's RS256 key is exchanged at the token endpoint. One token serves every send
 * until shortly before it expires; concurrent sends wait on the same exchange.
 */
export function createServiceAccountTokenSource(opts: {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  tokenUrl: string;
  scope: string;
  timeoutMs?: number;
  makeError: MakeError;
  now?: () => number;
}): ServiceAccountTokenSource {
  const now = opts.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  let key: ReturnType<typeof importPKCS8> | undefined;

  function signingKey() {
    // Keys pasted into an env var often arrive with literal "\n" sequences instead of newlines.
    key ??= importPKCS8(opts.privateKey.replace(/\\n/g, "\n"), "RS256").catch((err: unknown) => {
      key = undefined;
      throw opts.makeError(
        `The FCM service-account private key is not a PKCS#8 PEM RSA key: ${(err as Error).message}`,
        false,
        undefined,
        { cause: err },
      );
    });
    return key;
  }

  async function exchange(): Promise<string> {
    const issuedAt = Math.floor(now() / 1000);
    const assertion = await new SignJWT({ scope: opts.scope })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", ...(opts.privateKeyId ? { kid: opts.privateKeyId } : {}) })
      .setIssuer(opts.clientEmail)
      .setAudience(opts.tokenUrl)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 3600)
      .sign(await signingKey());
    const res = await callHttp(
      opts.tokenUrl,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
      },
      { timeoutMs: opts.timeoutMs, what: "The Google OAuth2 token endpoint", makeError: opts.makeError },
    );
    const ok = tokenResponseSchema.safeParse(res.json);
    if (res.ok && ok.success) {
      cached = { token: ok.data.access_token, expiresAt: now() + ok.data.expires_in * 1000 };
      return ok.data.access_token;
    }
    const failure = tokenErrorSchema.safeParse(res.json);
    const detail = failure.success
      ? `${failure.data.error}${failure.data.error_description ? `: ${failure.data.error_description}` : ""}`
      : res.text.slice(0, 200);
    // invalid_grant / invalid_client mean the credentials are wrong: retrying will not help.
    throw opts.makeError(
      `Google refused the FCM service-account token (${res.status}): ${detail}`,
      res.ok || isRetryableStatus(res.status),
      res.status,
    );
  }

  return {
    async get() {
      if (cached && now() < cached.expiresAt - REFRESH_MARGIN_MS) return cached.token;
      // Shared by every waiting send, so no single caller's AbortSignal may cancel it.
      inFlight ??= exchange().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
