import { randomUUID } from "node:crypto";
import { createTokenSigner } from "@leadmetrics/auth";
import { createSocialProviders } from "@leadmetrics/channels";
import { createOutboxRelay } from "@leadmetrics/queue";
import { createRealtimePublisher } from "@leadmetrics/realtime";
import { registerRequestTracing } from "@leadmetrics/telemetry";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController, type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { createGuards, type GuardName } from "./auth/guards";
import { createInviteService } from "./auth/invites";
import { createLoginThrottle } from "./auth/login-throttle";
import { createSessionService } from "./auth/session-service";
import type { AppDeps } from "./deps";
import { isPublicRoute } from "./lib/public-routes";
import { registerOpenApi, registerSwaggerUi } from "./plugins/docs";
import { frameworkErrorHandler, registerErrorHandling } from "./plugins/error-handler";
import { registerMetrics } from "./plugins/metrics";
import { registerSecurity } from "./plugins/security";
import { registerSocketIo } from "./plugins/socket";
import type { RouterContext } from "./routers/context";
import { registerRouters } from "./routers/register-routers";

export interface RouteInventoryEntry {
  method: string;
  url: string;
  guard: GuardName | null;
  public: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every registered route with its guard: the security tests sweep this list. */
    routeInventory(): RouteInventoryEntry[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function parseTrustProxy(value: string): boolean | string | string[] {
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  // A hop count is passed through as a number (proxy-addr accepts it; the types lag behind).
  if (/^\d+$/.test(value)) return Number(value) as unknown as string;
  return value.split(",").map((s) => s.trim());
}

/**
 * Refuses to start when a route is neither behind a router guard nor on the public allow-list:
 * a forgotten guard is a boot failure, never a public endpoint.
 */
export function assertEveryRouteGuarded(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
  app.decorate("routeInventory", () =>
    routes.flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
        method,
        url: r.url,
        guard: (r.config as { guard?: GuardName } | undefined)?.guard ?? null,
        public: isPublicRoute(method, r.url),
      })),
    ),
  );
  app.addHook("onReady", async () => {
    for (const route of routes) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        const guarded = (route.config as { guard?: string } | undefined)?.guard !== undefined;
        if (!guarded && !isPublicRoute(method, route.url)) {
          throw new Error(`Route ${method} ${route.url} has no guard and is not on the public allow-list`);
        }
      }
    }
  });
}

export interface BuildOptions {
  /** Socket.IO needs a live Redis; the OpenAPI export builds the app without it. Routes never change. */
  sockets?: boolean;
}

/** The API, built from its dependencies. `src/index.ts` and every test build it the same way. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const production = config.NODE_ENV === "production";

  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Every log line of a request carries its id as `requestId`; probes are not logged.
    logController: new LogController({
      requestIdLogLabel: "requestId",
      disableRequestLogging: (req) => req.url.startsWith("/health/"),
    }),
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    // 30 s per request; streaming routes hijack the reply and are not cut off.
    handlerTimeout: config.REQUEST_TIMEOUT_MS,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: 0,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Routing errors (bad URL, over-long parameter) answer in the uniform shape too.
    frameworkErrors: frameworkErrorHandler(production),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First hook of all: with tracing on, one span per request carrying its id (a no-op when off).
  registerRequestTracing(app);
  app.decorateRequest("auth", null);
  app.decorateRequest("tenant", null);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });

  registerErrorHandling(app, production);
  assertEveryRouteGuarded(app);
  // Every API instance relays the outbox: its own rows right after each commit, leftovers by polling.
  const outbox = createOutboxRelay({ db: deps.db, queues: deps.queues, log: deps.logger });
  outbox.start();
  app.addHook("onClose", () => outbox.stop());
  await registerMetrics(app, config.METRICS_TOKEN, outbox);
  await registerSecurity(app, deps);
  if (config.PUBLIC_DOCS) await registerOpenApi(app);

  const signer = createTokenSigner({
    secret: config.JWT_SECRET,
    previousSecret: config.JWT_SECRET_PREVIOUS,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const sessions = createSessionService({
    db: deps.db,
    redis: deps.redis,
    signer,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
  });
  const ctx: RouterContext = {
    ...deps,
    outbox,
    signer,
    sessions,
    throttle: createLoginThrottle(deps.redis),
    invites: createInviteService({ db: deps.db, outbox }),
    realtime: createRealtimePublisher(deps.redis),
    socialProviders: createSocialProviders(config),
    guards: createGuards({ db: deps.db, sessions, allowedOrigins: config.CORS_ORIGINS }),
  };
  await registerRouters(app, ctx);
  if (options.sockets !== false) await registerSocketIo(app, deps, sessions);
  if (config.PUBLIC_DOCS) await registerSwaggerUi(app);
  return app;
}
