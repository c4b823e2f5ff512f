import { randomUUID } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type AccessClaimsInput,
  accessClaimsSchema,
  cookieNames,
  createTokenSigner,
  generateOpaqueToken,
  hashOpaqueToken,
  InvalidTokenError,
  TOKEN_ISSUER,
  verifyAccessToken,
} from "../src";

const SECRET = "current-secret-of-at-least-32-characters!";
const OLD_SECRET = "previous-secret-of-at-least-32-characters";
const TTL = 900;

const tenantInput: AccessClaimsInput = {
  kind: "tenant",
  sub: randomUUID(),
  tenantId: randomUUID(),
  role: "owner",
  appAccess: ["dashboard"],
  fid: randomUUID(),
};
const staffInput: AccessClaimsInput = {
  kind: "staff",
  sub: randomUUID(),
  tenantId: null,
  role: "super_admin",
  appAccess: ["manage", "dm"],
  fid: randomUUID(),
};

const signer = (opts: Partial<Parameters<typeof createTokenSigner>[0]> = {}) =>
  createTokenSigner({ secret: SECRET, accessTtlSeconds: TTL, ...opts });

async function rejection(promise: Promise<unknown>): Promise<InvalidTokenError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidTokenError);
  return err as InvalidTokenError;
}

/** A token signed with the right key but claims of our choosing. */
const forge = (payload: Record<string, unknown>, { secret = SECRET, issuer = TOKEN_ISSUER, ttl = TTL } = {}) =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
    .sign(new TextEncoder().encode(secret));

afterEach(() => {
  vi.useRealTimers();
});

describe("access tokens", () => {
  it.each([
    ["tenant", tenantInput],
    ["staff", staffInput],
  ])("a signed %s token verifies to the claims it was signed with", async (_kind, input) => {
    const before = Date.now();
    const { token, claims } = await signer().signAccess(input);

    expect(claims).toMatchObject(input);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.iatMs).toBeGreaterThanOrEqual(before);
    expect(claims.iatMs).toBeLessThanOrEqual(Date.now());
    expect(claims.exp).toBe(Math.floor(claims.iatMs / 1000) + TTL);
    expect(accessClaimsSchema.parse(claims)).toEqual(claims);

    expect(await signer().verifyAccess(token)).toEqual(claims);
  });

  it("is an HS256 JWT of type access from the API's issuer, whose subject is the user", async () => {
    const { token, claims } = await signer().signAccess(tenantInput);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({
      typ: "access",
      iss: TOKEN_ISSUER,
      sub: tenantInput.sub,
      jti: claims.jti,
      iatMs: claims.iatMs,
      exp: claims.exp,
      kind: "tenant",
      tenantId: tenantInput.tenantId,
      role: "owner",
      appAccess: ["dashboard"],
      fid: tenantInput.fid,
    });
    expect(payload.iat).toBe(Math.floor(claims.iatMs / 1000));
  });

  it("gives each token its own jti", async () => {
    const a = await signer().signAccess(tenantInput);
    const b = await signer().signAccess(tenantInput);
    expect(a.claims.jti).not.toBe(b.claims.jti);
    expect(a.token).not.toBe(b.token);
  });

  it("is refused as expired once its lifetime has passed, and accepted just before", async () => {
    const { token } = await signer().signAccess(tenantInput);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (TTL - 5) * 1000);
    await expect(signer().verifyAccess(token)).resolves.toMatchObject({ sub: tenantInput.sub });
    vi.setSystemTime(Date.now() + 10_000);
    const err = await rejection(signer().verifyAccess(token));
    expect(err.reason).toBe("expired");
    expect(err.message).toBe("Token has expired");
  });

  it("verified once, is still refused as expired by the same signer once its lifetime has passed", async () => {
    const same = signer();
    const { token, claims } = await same.signAccess(tenantInput);
    expect(await same.verifyAccess(token)).toEqual(claims);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (TTL - 5) * 1000);
    expect(await same.verifyAccess(token)).toEqual(claims);
    vi.setSystemTime(Date.now() + 10_000);
    expect((await rejection(same.verifyAccess(token))).reason).toBe("expired");
    expect((await rejection(same.verifyAccess(token))).reason).toBe("expired");
  });

  it("is refused as invalid under another secret", async () => {
    const { token } = await signer({ secret: "some-other-secret-of-32-characters-long" }).signAccess(tenantInput);
    const err = await rejection(signer().verifyAccess(token));
    expect(err.reason).toBe("invalid");
    expect(err.message).toBe("Token is invalid");
  });

  it("is refused from another issuer", async () => {
    const { token } = await signer({ issuer: "someone-else" }).signAccess(tenantInput);
    expect((await rejection(signer().verifyAccess(token))).reason).toBe("invalid");
    // The same issuer on both sides accepts it.
    await expect(signer({ issuer: "someone-else" }).verifyAccess(token)).resolves.toMatchObject({
      sub: tenantInput.sub,
    });
  });

  it("is refused when its payload or its signature was altered", async () => {
    const { token } = await signer().signAccess(tenantInput);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const escalated = Buffer.from(JSON.stringify({ ...claims, role: "admin" })).toString("base64url");
    expect((await rejection(signer().verifyAccess(`${header}.${escalated}.${signature}`))).reason).toBe("invalid");

    const flipped = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect((await rejection(signer().verifyAccess(`${header}.${payload}.${flipped}`))).reason).toBe("invalid");
    expect((await rejection(signer().verifyAccess(`${header}.${payload}.`))).reason).toBe("invalid");
    expect((await rejection(signer().verifyAccess("not-a-jwt"))).reason).toBe("invalid");
  });

  it('is refused unsigned (alg "none")', async () => {
    const { token } = await signer().signAccess(tenantInput);
    const payload = token.split(".")[1]!;
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    expect((await rejection(signer().verifyAccess(`${header}.${payload}.`))).reason).toBe("invalid");
  });

  it("is refused when correctly signed claims do not have the access shape", async () => {
    const base = { typ: "access", sub: tenantInput.sub, jti: randomUUID(), iatMs: Date.now() };
    const good = {
      ...base,
      kind: "tenant",
      tenantId: randomUUID(),
      role: "owner",
      appAccess: ["dashboard"],
      fid: randomUUID(),
    };
    // Sanity: the forged token is accepted when its claims are well formed.
    await expect(signer().verifyAccess(await forge(good))).resolves.toMatchObject({ kind: "tenant" });

    const malformed = [
      { ...good, tenantId: null }, // a tenant user without a tenant
      { ...good, kind: "staff", role: "super_admin" }, // staff with a tenant
      { ...good, kind: "staff", tenantId: null, role: "owner" }, // staff with a tenant role
      { ...good, role: "super_admin" }, // a tenant user with a staff role
      { ...good, appAccess: ["admin-panel"] }, // an unknown portal
      { ...good, fid: undefined }, // no session family
      { ...good, iatMs: undefined }, // no millisecond issue time
      { ...good, typ: "reg_session" }, // another kind of token
    ];
    for (const claims of malformed) {
      const err = await rejection(signer().verifyAccess(await forge(claims)));
      expect(err.reason, JSON.stringify(claims)).toBe("invalid");
    }
  });

  it("verifies the same way through verifyAccessToken with a raw key (the portals' edge middleware)", async () => {
    const { token, claims } = await signer().signAccess(staffInput);
    expect(await verifyAccessToken(token, [new TextEncoder().encode(SECRET)])).toEqual(claims);
    const err = await rejection(verifyAccessToken(token, [new TextEncoder().encode(OLD_SECRET)]));
    expect(err.reason).toBe("invalid");
  });
});

describe("secret rotation", () => {
  it("accepts tokens signed with the previous secret while it is configured, and signs only with the new one", async () => {
    const { token: oldToken, claims } = await signer({ secret: OLD_SECRET }).signAccess(tenantInput);
    const rotating = signer({ previousSecret: OLD_SECRET });

    expect(await rotating.verifyAccess(oldToken)).toEqual(claims);

    const { token: newToken } = await rotating.signAccess(tenantInput);
    // Signed with the current secret: a verifier that only knows the old one refuses it.
    expect((await rejection(signer({ secret: OLD_SECRET }).verifyAccess(newToken))).reason).toBe("invalid");
    await expect(signer().verifyAccess(newToken)).resolves.toMatchObject({ sub: tenantInput.sub });
  });

  it("refuses the previous secret's tokens once the rotation is over", async () => {
    const { token } = await signer({ secret: OLD_SECRET }).signAccess(tenantInput);
    expect((await rejection(signer().verifyAccess(token))).reason).toBe("invalid");
  });

  it("still reports an expired previous-secret token as expired", async () => {
    const { token } = await signer({ secret: OLD_SECRET }).signAccess(tenantInput);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + (TTL + 5) * 1000);
    expect((await rejection(signer({ previousSecret: OLD_SECRET }).verifyAccess(token))).reason).toBe("expired");
  });

  it("refuses a token signed with neither secret", async () => {
    const { token } = await signer({ secret: "a-third-secret-nobody-configured-here" }).signAccess(tenantInput);
    expect((await rejection(signer({ previousSecret: OLD_SECRET }).verifyAccess(token))).reason).toBe("invalid");
  });
});

describe("registration tokens", () => {
  it("carry the session id and verify back to it", async () => {
    const sessionId = randomUUID();
    const token = await signer().signRegistration(sessionId);
    expect(decodeJwt(token)).toMatchObject({ typ: "reg_session", sub: sessionId, iss: TOKEN_ISSUER });
    expect(await signer().verifyRegistration(token)).toEqual({ sessionId });
  });

  it("last an hour unless told otherwise, and expire after", async () => {
    const token = await signer().signRegistration(randomUUID());
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(3_600);

    const short = await signer({ registrationTtlSeconds: 60 }).signRegistration(randomUUID());
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect((await rejection(signer().verifyRegistration(short))).reason).toBe("expired");
  });

  it("are not access tokens, and access tokens are not registration tokens", async () => {
    const registration = await signer().signRegistration(randomUUID());
    expect((await rejection(signer().verifyAccess(registration))).reason).toBe("invalid");
    const { token: access } = await signer().signAccess(tenantInput);
    expect((await rejection(signer().verifyRegistration(access))).reason).toBe("invalid");
  });

  it("follow the rotation like access tokens", async () => {
    const sessionId = randomUUID();
    const token = await signer({ secret: OLD_SECRET }).signRegistration(sessionId);
    expect(await signer({ previousSecret: OLD_SECRET }).verifyRegistration(token)).toEqual({ sessionId });
    expect((await rejection(signer().verifyRegistration(token))).reason).toBe("invalid");
  });
});

describe("opaque tokens", () => {
  it("are 32 random bytes, URL-safe", () => {
    const tokens = Array.from({ length: 20 }, generateOpaqueToken);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are stored as their SHA-256 in hex, the same for the same token", () => {
    const token = generateOpaqueToken();
    expect(hashOpaqueToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOpaqueToken(token)).toBe(hashOpaqueToken(token));
    expect(hashOpaqueToken(token)).not.toBe(hashOpaqueToken(generateOpaqueToken()));
    expect(hashOpaqueToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("cookie names", () => {
  it("are per portal", () => {
    expect(cookieNames("dashboard")).toEqual({ access: "dashboard_access_token", refresh: "dashboard_refresh_token" });
    expect(cookieNames("dm")).toEqual({ access: "dm_access_token", refresh: "dm_refresh_token" });
    expect(cookieNames("manage")).toEqual({ access: "manage_access_token", refresh: "manage_refresh_token" });
  });
});
