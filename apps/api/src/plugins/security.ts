import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import { rateLimited, validationError } from "@leadmetrics/errors";
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
    errorResponseBuilder: (_req, ctx) =>
      rateLimited(`Too many requests; retry in ${ctx.after}`, Math.ceil(ctx.ttl / 1000)),
  });

  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });

  // PostgreSQL text cannot hold a NUL character: refuse it at the edge, for every route, with the
  // field named, instead of failing deep in a handler (found by the fuzzer as 500s).
  app.addHook("preValidation", async (req) => {
    // Parsed (JSON) bodies only: a raw body (a string or bytes a route reads itself) is that route's business.
    const body = req.body !== null && typeof req.body === "object" ? nulFields(req.body, "body") : [];
    const fields = [...nulFields(req.params, "params"), ...nulFields(req.query, "querystring"), ...body];
    if (fields.length > 0)
      throw validationError("Text may not contain a NUL character", {
        fields: fields.map((path) => ({ path, message: "contains a NUL character" })),
      });
  });
}

/** Paths of every string (key or value) holding U+0000, at most 10; bounded depth. */
export function nulFields(value: unknown, path: string, depth = 0, found: string[] = []): string[] {
  if (found.length >= 10 || depth > 32) return found;
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulFields(v, `${path}.${i}`, depth + 1, found);
  } else if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) found.push(`${path}.${k.replaceAll("\u0000", "\\0")}`);
      nulFields(v, `${path}.${k}`, depth + 1, found);
    }
  }
  return found;
}

/**
 * SSE responses write raw headers and bypass @fastify/cors: this mirrors an allowed origin
 * the same way, so streaming routes keep the one allow-list.
 */
export function mirrorCorsOrigin(
  req: FastifyRequest,
  reply: FastifyReply,
  allowedOrigins: string[],
): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return {};
  const headers = { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" };
  for (const [k, v] of Object.entries(headers)) reply.raw.setHeader(k, v);
  return headers;
}
