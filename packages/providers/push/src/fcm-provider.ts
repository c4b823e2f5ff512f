import {
  callHttp,
  type HttpResult,
  isRetryableStatus,
  ProviderError,
  parseRetryAfter,
} from "@leadmetrics/provider-core";
import { z } from "zod";
import { createServiceAccountTokenSource, FCM_SCOPE } from "./service-account-token";

export const fcmPushProviderOptionsSchema = z.object({
  projectId: z.string().min(1),
  /** The service account's `client_email`. */
  clientEmail: z.string().min(1),
  /** The service account's `private_key` (PKCS#8 PEM; escaped "\n" are accepted). */
  privateKey: z.string().min(1),
  /** The service account's `private_key_id`, sent as the JWT `kid` when given. */
  privateKeyId: z.string().optional(),
  apiBaseUrl: z.url().default("https://fcm.googleapis.com"),
  tokenUrl: z.url().default("https://oauth2.googleapis.com/token"),
  timeoutMs: z.number().int().positive().optional(),
});
export type FcmPushProviderOptions = z.input<typeof fcmPushProviderOptionsSchema>;

export const pushMessageSchema = z.object({
  /** The device's FCM registration token. */
  token: z.string().min(1),
  title: z.string(),
  body: z.string(),
  /** FCM data values must be strings. */
  data: z.record(z.string(), z.string()).optional(),
});
export type PushMessage = z.input<typeof pushMessageSchema>;

export class PushSendError extends ProviderError {
  /** FCM's own error code (UNREGISTERED, QUOTA_EXCEEDED, UNAVAILABLE, …) when it gave one. */
  readonly fcmErrorCode?: string;

  constructor(
    message: string,
    retryable: boolean,
    status?: number,
    options: { retryAfterMs?: number; cause?: unknown; fcmErrorCode?: string } = {},
  ) {
    super(message, retryable, status, options);
    this.name = "PushSendError";
    if (options.fcmErrorCode !== undefined) this.fcmErrorCode = options.fcmErrorCode;
  }
}

/** The registration token will never work again: the caller deletes it. Never retryable. */
export class PushTokenInvalidError extends PushSendError {
  constructor(message: string, status?: number, fcmErrorCode?: string) {
    super(message, false, status, fcmErrorCode === undefined ? {} : { fcmErrorCode });
    this.name = "PushTokenInvalidError";
  }
}

const sendResponseSchema = z.object({ name: z.string().min(1) });
const fcmErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z
      .array(
        z.looseObject({
          "@type": z.string().optional(),
          errorCode: z.string().optional(),
          fieldViolations: z
            .array(z.object({ field: z.string().optional(), description: z.string().optional() }))
            .optional(),
        }),
      )
      .optional(),
  }),
});

export interface PushProvider {
  readonly name: "fcm";
  send(message: PushMessage, opts?: { signal?: AbortSignal }): Promise<{ messageId: string }>;
}

/** Firebase Cloud Messaging HTTP v1, authenticated as a service account. */
export function createFcmPushProvider(options: FcmPushProviderOptions): PushProvider {
  const opts = fcmPushProviderOptionsSchema.parse(options);
  const endpoint = `${opts.apiBaseUrl.replace(/\/+$/, "")}/v1/projects/${encodeURIComponent(opts.projectId)}/messages:send`;
  const makeError = (
    message: string,
    retryable: boolean,
    status?: number,
    o?: { retryAfterMs?: number; cause?: unknown },
  ) => new PushSendError(message, retryable, status, o);
  const tokens = createServiceAccountTokenSource({
    clientEmail: opts.clientEmail,
    privateKey: opts.privateKey,
    ...(opts.privateKeyId ? { privateKeyId: opts.privateKeyId } : {}),
    tokenUrl: opts.tokenUrl,
    scope: FCM_SCOPE,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    makeError,
  });

  async function post(body: string, signal?: AbortSignal): Promise<HttpResult> {
    const accessToken = await tokens.get();
    return callHttp(
      endpoint,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${accessToken}`,
          "content-type": "application/json",
          accept: "application/json",
        },
        body,
      },
      { timeoutMs: opts.timeoutMs, signal, what: "FCM", makeError },
    );
  }

  return {
    name: "fcm",
    async send(message, callOpts = {}) {
      const parsed = pushMessageSchema.safeParse(message);
      if (!parsed.success) throw new PushSendError(`Invalid push message: ${z.prettifyError(parsed.error)}`, false);
      const { token, title, body, data } = parsed.data;
      const payload = JSON.stringify({ message: { token, notification: { title, body }, ...(data ? { data } : {}) } });

      let res = await post(payload, callOpts.signal);
      if (res.status === 401) {
        // Google revoked or expired the token before its stated lifetime: get a new one, once.
        tokens.invalidate();
        res = await post(payload, callOpts.signal);
      }
      const ok = sendResponseSchema.safeParse(res.json);
      if (res.ok && ok.success) return { messageId: ok.data.name };
      throw toPushError(res);
    },
  };
}

function toPushError(res: HttpResult): PushSendError {
  const parsed = fcmErrorSchema.safeParse(res.json);
  const error = parsed.success ? parsed.data.error : undefined;
  const details = error?.details ?? [];
  const fcmErrorCode = details.find((d) => d.errorCode)?.errorCode ?? error?.status;
  const message = error?.message ?? (res.text.slice(0, 200) || `HTTP ${res.status}`);
  const text = `FCM answered ${res.status}${fcmErrorCode ? ` ${fcmErrorCode}` : ""}: ${message}`;

  // UNREGISTERED: the app was uninstalled or the token expired. SENDER_ID_MISMATCH: the token
  // belongs to another Firebase project. Both mean this token will never work for us.
  if (fcmErrorCode === "UNREGISTERED" || fcmErrorCode === "SENDER_ID_MISMATCH")
    return new PushTokenInvalidError(text, res.status, fcmErrorCode);
  // INVALID_ARGUMENT is about the token only when FCM says so; a bad data payload is our bug.
  if (fcmErrorCode === "INVALID_ARGUMENT" || error?.status === "INVALID_ARGUMENT") {
    const onToken =
      details.some((d) => d.fieldViolations?.some((v) => v.field === "message.token")) ||
      /registration token/i.test(message);
    if (onToken) return new PushTokenInvalidError(text, res.status, fcmErrorCode);
  }
  const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
  return new PushSendError(text, res.ok || isRetryableStatus(res.status), res.status, {
    ...(fcmErrorCode ? { fcmErrorCode } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}
