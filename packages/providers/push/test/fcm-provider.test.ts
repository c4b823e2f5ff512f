import { generateKeyPairSync } from "node:crypto";
import {
  type FakeHttpServer,
  type RecordedRequest,
  type Responder,
  sendJson,
  startFakeHttpServer,
} from "@leadmetrics/testing/fake-http";
import { importSPKI, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFcmPushProvider, type FcmPushProviderOptions, PushSendError, PushTokenInvalidError } from "../src";

const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const clientEmail = "push@leadmetrics-test.iam.gserviceaccount.com";
const projectId = "leadmetrics-test";

/**
 * A stand-in for Google: /token checks the service-account JWT against the test's public key
 * and issues access tokens; /v1/projects/{id}/messages:send accepts only an issued token.
 */
function fakeGoogle(state: { issued: string[]; tokenTtl: number; messages: unknown[] }): Responder {
  return async (req, res) => {
    if (req.method === "POST" && req.url === "/token") {
      const form = req.body as Record<string, string>;
      if (form.grant_type !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
        return sendJson(res, 400, { error: "unsupported_grant_type" });
      try {
        const { payload, protectedHeader } = await jwtVerify(
          form.assertion ?? "",
          await importSPKI(publicKey, "RS256"),
          {
            issuer: clientEmail,
            audience: `${server.url}/token`,
            algorithms: ["RS256"],
          },
        );
        if (payload.scope !== "https://www.googleapis.com/auth/firebase.messaging")
          return sendJson(res, 400, { error: "invalid_scope" });
        if (protectedHeader.kid !== "key-1")
          return sendJson(res, 400, { error: "invalid_grant", error_description: "unknown kid" });
      } catch (err) {
        return sendJson(res, 400, {
          error: "invalid_grant",
          error_description: `Invalid JWT Signature: ${(err as Error).message}`,
        });
      }
      const token = `ya29.fake-${state.issued.length + 1}`;
      state.issued.push(token);
      return sendJson(res, 200, { access_token: token, expires_in: state.tokenTtl, token_type: "Bearer" });
    }
    if (req.method === "POST" && req.url === `/v1/projects/${projectId}/messages:send`) {
      const bearer = req.headers.authorization?.replace(/^Bearer /, "");
      if (!bearer || !state.issued.includes(bearer))
        return sendJson(res, 401, {
          error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" },
        });
      state.messages.push(req.body);
      return sendJson(res, 200, { name: `projects/${projectId}/messages/0:${state.messages.length}` });
    }
    return sendJson(res, 404, {
      error: { code: 404, message: `no route ${req.method} ${req.url}`, status: "NOT_FOUND" },
    });
  };
}

let server: FakeHttpServer;
const state = { issued: [] as string[], tokenTtl: 3600, messages: [] as unknown[] };
const tokenRequests = () => server.requests.filter((r: RecordedRequest) => r.url === "/token");
const sendRequests = () => server.requests.filter((r: RecordedRequest) => r.url.endsWith("messages:send"));

const fcmError = (code: number, status: string, message: string, errorCode?: string, extra: object[] = []) => ({
  error: {
    code,
    message,
    status,
    details: [
      ...(errorCode ? [{ "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode }] : []),
      ...extra,
    ],
  },
});

/** Lets the real token endpoint answer, but scripts the next messages:send answer. */
function failSendWith(status: number, body: unknown, headers: Record<string, string> = {}): void {
  const google = fakeGoogle(state);
  server.script(
    google, // token
    (_req, res) => sendJson(res, status, body, headers),
    google,
  );
}

describe("FCM push provider", () => {
  beforeAll(async () => {
    server = await startFakeHttpServer((req, res) => fakeGoogle(state)(req, res));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.script();
    state.issued.length = 0;
    state.messages.length = 0;
    state.tokenTtl = 3600;
  });

  const provider = (over: Partial<FcmPushProviderOptions> = {}) =>
    createFcmPushProvider({
      projectId,
      clientEmail,
      privateKey,
      privateKeyId: "key-1",
      apiBaseUrl: server.url,
      tokenUrl: `${server.url}/token`,
      ...over,
    });

  it("gets a token with a signed service-account JWT and sends the v1 message", async () => {
    const result = await provider().send({
      token: "device-token-1",
      title: "Draft ready",
      body: "Your blog post awaits review",
      data: { activityId: "a1" },
    });
    expect(result).toEqual({ messageId: `projects/${projectId}/messages/0:1` });
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(sendRequests()[0]?.headers.authorization).toBe("Bearer ya29.fake-1");
    expect(state.messages).toEqual([
      {
        message: {
          token: "device-token-1",
          notification: { title: "Draft ready", body: "Your blog post awaits review" },
          data: { activityId: "a1" },
        },
      },
    ]);
  });

  it("caches the access token: two sends, one token request", async () => {
    const p = provider();
    await p.send({ token: "d1", title: "t", body: "b" });
    await p.send({ token: "d2", title: "t", body: "b" });
    expect(tokenRequests()).toHaveLength(1);
    expect(sendRequests()).toHaveLength(2);
  });

  it("concurrent first sends share one token exchange", async () => {
    const p = provider();
    await Promise.all([
      p.send({ token: "d1", title: "t", body: "b" }),
      p.send({ token: "d2", title: "t", body: "b" }),
      p.send({ token: "d3", title: "t", body: "b" }),
    ]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("refreshes a token that is about to expire", async () => {
    state.tokenTtl = 30; // inside the one-minute refresh margin
    const p = provider();
    await p.send({ token: "d1", title: "t", body: "b" });
    await p.send({ token: "d2", title: "t", body: "b" });
    expect(tokenRequests()).toHaveLength(2);
    expect(sendRequests().map((r) => r.headers.authorization)).toEqual(["Bearer ya29.fake-1", "Bearer ya29.fake-2"]);
  });

  it("gets a new token once when FCM answers 401 with a cached one", async () => {
    const p = provider();
    await p.send({ token: "d1", title: "t", body: "b" });
    state.issued.length = 0; // Google "revokes" every token it gave
    await expect(p.send({ token: "d2", title: "t", body: "b" })).resolves.toMatchObject({
      messageId: expect.any(String),
    });
    expect(tokenRequests()).toHaveLength(2);
  });

  it("accepts a private key whose newlines arrived escaped (as from an env var)", async () => {
    await expect(
      provider({ privateKey: privateKey.replace(/\n/g, "\\n") }).send({ token: "d", title: "t", body: "b" }),
    ).resolves.toBeDefined();
  });

  it("an UNREGISTERED token throws PushTokenInvalidError", async () => {
    failSendWith(404, fcmError(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));
    const err = await provider()
      .send({ token: "gone", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushTokenInvalidError);
    expect(err).toBeInstanceOf(PushSendError);
    expect(err).toMatchObject({ retryable: false, status: 404, fcmErrorCode: "UNREGISTERED" });
  });

  it("INVALID_ARGUMENT on message.token throws PushTokenInvalidError; on another field a plain permanent error", async () => {
    failSendWith(
      400,
      fcmError(
        400,
        "INVALID_ARGUMENT",
        "The registration token is not a valid FCM registration token",
        "INVALID_ARGUMENT",
        [
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            fieldViolations: [{ field: "message.token", description: "Invalid registration token" }],
          },
        ],
      ),
    );
    await expect(provider().send({ token: "garbage", title: "t", body: "b" })).rejects.toBeInstanceOf(
      PushTokenInvalidError,
    );

    failSendWith(
      400,
      fcmError(400, "INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'", "INVALID_ARGUMENT", [
        {
          "@type": "type.googleapis.com/google.rpc.BadRequest",
          fieldViolations: [{ field: "message.data[0].value", description: "Invalid value" }],
        },
      ]),
    );
    const err = await provider()
      .send({ token: "fine", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushSendError);
    expect(err).not.toBeInstanceOf(PushTokenInvalidError);
    expect(err).toMatchObject({ retryable: false, status: 400 });
  });

  it("503 UNAVAILABLE is retryable", async () => {
    failSendWith(503, fcmError(503, "UNAVAILABLE", "The service is currently unavailable.", "UNAVAILABLE"));
    const err = await provider()
      .send({ token: "d", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushSendError);
    expect(err).not.toBeInstanceOf(PushTokenInvalidError);
    expect(err).toMatchObject({ retryable: true, status: 503, fcmErrorCode: "UNAVAILABLE" });
  });

  it("429 QUOTA_EXCEEDED is retryable with Retry-After", async () => {
    failSendWith(429, fcmError(429, "RESOURCE_EXHAUSTED", "Quota exceeded", "QUOTA_EXCEEDED"), { "retry-after": "10" });
    await expect(provider().send({ token: "d", title: "t", body: "b" })).rejects.toMatchObject({
      retryable: true,
      status: 429,
      retryAfterMs: 10_000,
    });
  });

  it("a key Google does not know (bad signature) fails permanently at the token endpoint", async () => {
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const err = await provider({ privateKey: other.privateKey })
      .send({ token: "d", title: "t", body: "b" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PushSendError);
    expect(err).toMatchObject({ retryable: false, status: 400, message: expect.stringContaining("invalid_grant") });
    expect(sendRequests()).toHaveLength(0);
  });

  it("a private key that is not PEM fails permanently without a request", async () => {
    await expect(
      provider({ privateKey: "not a key" }).send({ token: "d", title: "t", body: "b" }),
    ).rejects.toMatchObject({ name: "PushSendError", retryable: false });
    expect(server.requests).toHaveLength(0);
  });
});
