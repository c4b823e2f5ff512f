import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import { rateLimited } from "@leadmetrics/errors";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../deps";

export const UPLOAD_LIMITS = { fileSize: 10 * 1024 * 1024, files: 32, fields: 100, parts: 200 } as const;

export async function registerSecurity(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { config } = deps;
  // A JSON API serves no HTML of its own: CSP is for the portals (Swagger UI sets its own).
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: "same-site" } });

  const allowed = new Set(config.CORS_ORIGINS);
  await app.register(cors, {
    credentials: true,
    origin: (origin, cb) => cb(null, origin === undefined || allowed.has(origin)),
    exposedHeaders: ["x-request-id", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
  });

  await app.register(cookie);

  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: "1 minute",
    redis: deps.redis,
    nameSpace: "rate-limit:",
    // Redis down: serve rather than refuse everyone (the auth guard still fails closed).
    skipOnError: true,
    allowList: (req) => req.routeOptions.url?.startsWith("/health/") === true,
    errorResponseBuilder: (_req, ctx) => rateLimited(`Too many requests; retry in ${ctx.after}`, Math.ceil(ctx.ttl / 1000)),
  });

  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });
}

/**
 * SSE responses write raw headers and bypass @fastify/cors: this mirrors an allowed origin
 * the same way, so streaming routes keep the one allow-list.
 */
export function mirrorCorsOrigin(req: FastifyRequest, reply: FastifyReply, allowedOrigins: string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return {};
  const headers = { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
  for (const [k, v] of Object.entries(headers)) reply.raw.setHeader(k, v);
  return headers;
}
