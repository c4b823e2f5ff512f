import { randomUUID } from "node:crypto";
import { cookieNames, hashOpaqueToken, hashPassword, type Portal, verifyPassword } from "@leadmetrics/auth";
import { writeAudit } from "@leadmetrics/db";
import { AppError, unauthorized } from "@leadmetrics/errors";
import { stageJobs } from "@leadmetrics/queue";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { clearSessionCookies, setSessionCookies } from "../../auth/cookies";
import { authOf, protect } from "../../auth/guards";
import { authKeys } from "../../auth/keys";
import type { SessionTokens } from "../../auth/session-service";
import { createWorkspace } from "../../domain/workspaces";
import { errorResponses, okSchema } from "../../lib/http-schemas";
import type { RouterContext } from "../context";
import { meRouter } from "./me";
import {
  acceptInviteBody,
  completeRegistrationBody,
  forgotPasswordBody,
  loginBody,
  logoutBody,
  meResponse,
  refreshBody,
  registerBody,
  registerResponse,
  resetPasswordBody,
  sessionResponse,
} from "./schemas";

const REGISTRATION_TTL_SECONDS = 3_600;
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: "1 minute" } });

export const authRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db, redis, sessions, throttle, signer, config } = ctx;

    const respondWithSession = (
      reply: FastifyReply,
      tokens: SessionTokens,
      portal: Portal | undefined,
      status = 200,
    ) => {
      if (portal) setSessionCookies(reply, portal, tokens, config);
      const { claims, ...rest } = tokens;
      return reply.status(status).send({
        ...rest,
        session: {
          kind: claims.kind,
          userId: claims.sub,
          tenantId: claims.tenantId,
          role: claims.role,
          appAccess: claims.appAccess,
        },
      });
    };

    // Step 1 of sign-up: check the account details and open a one-hour registration session.
    app.post(
      "/register",
      {
        config: perMinute(5),
        schema: { tags: ["auth"], body: registerBody, response: { 201: registerResponse, ...errorResponses } },
      },
      async (req, reply) => {
        const { email, password, name } = req.body;
        if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
          throw new AppError(409, "EMAIL_TAKEN", "An account with this email already exists");
        }
        const sessionId = randomUUID();
        const passwordHash = await hashPassword(password);
        await redis.set(
          authKeys.registration(sessionId),
          JSON.stringify({ email, name, passwordHash }),
          "EX",
          REGISTRATION_TTL_SECONDS,
        );
        const registrationToken = await signer.signRegistration(sessionId);
        return reply
          .status(201)
          .send({ registrationToken, expiresAt: new Date(Date.now() + REGISTRATION_TTL_SECONDS * 1000).toISOString() });
      },
    );

    // Step 2: name the workspace. Creates the tenant and its owner in one transaction.
    app.post(
      "/register/complete",
      {
        config: perMinute(5),
        schema: {
          tags: ["auth"],
          body: completeRegistrationBody,
          response: { 201: sessionResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { registrationToken, workspaceName, timezone, portal } = req.body;
        const { sessionId } = await signer.verifyRegistration(registrationToken).catch(() => {
          throw new AppError(400, "INVALID_TOKEN", "The registration session is invalid or has expired");
        });
        // GETDEL makes the session single-use even when the request is sent twice.
        const raw = await redis.getdel(authKeys.registration(sessionId));
        if (!raw) throw new AppError(400, "INVALID_TOKEN", "The registration session is invalid, used or expired");
        const pending = JSON.parse(raw) as { email: string; name: string; passwordHash: string };
        const { owner: user } = await createWorkspace(
          { db, welcomeCredits: config.SIGNUP_CREDITS, invites: ctx.invites, log: req.log },
          { name: workspaceName, timezone, owner: pending, createdBy: { kind: "self-signup" }, requestId: req.id },
        );
        return respondWithSession(reply, await sessions.start(user, portal), portal, 201);
      },
    );

    app.post(
      "/login",
      {
        config: perMinute(config.LOGIN_RATE_LIMIT_MAX),
        schema: { tags: ["auth"], body: loginBody, response: { 200: sessionResponse, ...errorResponses } },
      },
      async (req, reply) => {
        const { email, password, portal, tenantId } = req.body;
        const lockedFor = await throttle.lockedForSeconds(email);
        if (lockedFor > 0) {
          throw new AppError(429, "ACCOUNT_LOCKED", "Too many failed logins for this account; try again later", {
            retryAfterSeconds: lockedFor,
          });
        }
        const user = await db.user.findUnique({ where: { email } });
        const valid = await verifyPassword(user?.passwordHash, password);
        if (!user || !valid || user.disabledAt) {
          await throttle.recordFailure(email);
          throw new AppError(401, "INVALID_CREDENTIALS", "Email or password is incorrect");
        }
        await throttle.clear(email);
        const tokens = await sessions.start(user, portal, tenantId);
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return respondWithSession(reply, tokens, portal);
      },
    );

    app.post(
      "/refresh",
      {
        config: perMinute(30),
        schema: { tags: ["auth"], body: refreshBody, response: { 200: sessionResponse, ...errorResponses } },
      },
      async (req, reply) => {
        const { portal } = req.body;
        const presented = req.body.refreshToken ?? (portal ? req.cookies[cookieNames(portal).refresh] : undefined);
        if (!presented) throw unauthorized("No refresh token presented");
        const tokens = await sessions.refresh(presented);
        return respondWithSession(reply, tokens, portal ?? tokens.portal);
      },
    );

    app.post(
      "/forgot-password",
      {
        config: perMinute(5),
        schema: { tags: ["auth"], body: forgotPasswordBody, response: { 202: okSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const user = await db.user.findUnique({
          where: { email: req.body.email },
          select: { id: true, disabledAt: true },
        });
        if (user && !user.disabledAt) {
          // The notifications server mints the single-use link as it sends the email: the token
          // is never in the outbox, in Redis or in a FailedJob row. Staged in the outbox, so a
          // Redis outage delays the email, never loses it.
          const staged = await db.$transaction((tx) =>
            stageJobs(tx, [
              {
                queue: "notifications__dispatch",
                payload: {
                  tenantId: null,
                  recipient: { userId: user.id },
                  event: "password_reset",
                  data: {},
                  dedupeKey: `password-reset-${randomUUID()}`,
                  requestId: req.id,
                },
              },
            ]),
          );
          await ctx.outbox
            .flush(staged)
            .catch((err) => req.log.warn({ err }, "reset email not enqueued yet; the outbox relay will retry"));
        }
        // The same answer whether or not the account exists.
        return reply.status(202).send({ ok: true as const });
      },
    );

    /** Consumes a single-use emailed token; throws unless it is valid, unused and in date. */
    async function consumeUserToken(token: string, purpose: "password_reset" | "invite") {
      const row = await db.userToken.findUnique({ where: { tokenHash: hashOpaqueToken(token) } });
      if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
        throw new AppError(400, "INVALID_TOKEN", "This link is invalid, used or expired");
      }
      const claimed = await db.userToken.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: new Date() },
      });
      if (claimed.count !== 1) throw new AppError(400, "INVALID_TOKEN", "This link is invalid, used or expired");
      return row;
    }

    app.post(
      "/reset-password",
      {
        config: perMinute(10),
        schema: { tags: ["auth"], body: resetPasswordBody, response: { 200: okSchema, ...errorResponses } },
      },
      async (req) => {
        const row = await consumeUserToken(req.body.token, "password_reset");
        await db.user.update({
          where: { id: row.userId },
          data: { passwordHash: await hashPassword(req.body.password) },
        });
        // A new password ends every session, in case the old one was known to someone else.
        await sessions.logoutAll(row.userId);
        const user = await db.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } });
        await throttle.clear(user.email);
        await writeAudit(db, {
          actorId: row.userId,
          action: "user.password_reset",
          targetType: "User",
          targetId: row.userId,
          requestId: req.id,
        });
        return { ok: true as const };
      },
    );

    app.post(
      "/accept-invite",
      {
        config: perMinute(10),
        schema: { tags: ["auth"], body: acceptInviteBody, response: { 200: okSchema, ...errorResponses } },
      },
      async (req) => {
        const row = await consumeUserToken(req.body.token, "invite");
        await db.user.update({
          where: { id: row.userId },
          data: {
            passwordHash: await hashPassword(req.body.password),
            ...(req.body.name ? { name: req.body.name } : {}),
          },
        });
        await writeAudit(db, {
          actorId: row.userId,
          action: "user.invite_accepted",
          targetType: "User",
          targetId: row.userId,
          requestId: req.id,
        });
        return { ok: true as const };
      },
    );

    // Signed-in routes: any valid access token.
    await app.register(async (signedIn) => {
      protect(signedIn, "user", ctx.guards.user);
      const s = signedIn.withTypeProvider<import("fastify-type-provider-zod").ZodTypeProvider>();

      s.get("/me", { schema: { tags: ["auth"], response: { 200: meResponse, ...errorResponses } } }, async (req) => {
        const claims = authOf(req);
        const user = await db.user.findUnique({
          where: { id: claims.sub },
          select: {
            id: true,
            email: true,
            name: true,
            platformRole: true,
            memberships: {
              select: {
                tenantId: true,
                role: true,
                tenant: { select: { name: true, status: true, suspendedAt: true, timezone: true } },
              },
            },
          },
        });
        if (!user) throw unauthorized("Account no longer exists");
        return {
          user: { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole },
          session: {
            kind: claims.kind,
            userId: claims.sub,
            tenantId: claims.tenantId,
            role: claims.role,
            appAccess: claims.appAccess,
          },
          memberships: user.memberships.map((m) => ({
            tenantId: m.tenantId,
            tenantName: m.tenant.name,
            role: m.role,
            tenantStatus: m.tenant.status,
            tenantSuspendedAt: m.tenant.suspendedAt?.toISOString() ?? null,
            tenantTimezone: m.tenant.timezone,
          })),
        };
      });

      s.post(
        "/logout",
        { schema: { tags: ["auth"], body: logoutBody, response: { 200: okSchema, ...errorResponses } } },
        async (req, reply) => {
          await sessions.logout(authOf(req));
          if (req.body.portal) clearSessionCookies(reply, req.body.portal, config);
          return { ok: true as const };
        },
      );

      await s.register(meRouter(ctx));

      s.post(
        "/logout-all",
        { schema: { tags: ["auth"], body: logoutBody, response: { 200: okSchema, ...errorResponses } } },
        async (req, reply) => {
          const claims = authOf(req);
          await sessions.logoutAll(claims.sub);
          await writeAudit(db, {
            tenantId: claims.tenantId,
            actorId: claims.sub,
            action: "user.logout_all",
            targetType: "User",
            targetId: claims.sub,
            requestId: req.id,
          });
          if (req.body.portal) clearSessionCookies(reply, req.body.portal, config);
          return { ok: true as const };
        },
      );
    });
  };
