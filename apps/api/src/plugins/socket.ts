import { type AccessClaims, cookieNames, portalSchema } from "@leadmetrics/auth";
import { REALTIME_CHANNEL, realtimeEventSchema, rooms } from "@leadmetrics/realtime";
import { createAdapter } from "@socket.io/redis-adapter";
import type { FastifyInstance } from "fastify";
import { Server } from "socket.io";
import type { SessionService } from "../auth/session-service";
import type { AppDeps } from "../deps";

declare module "fastify" {
  interface FastifyInstance {
    io: Server;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * Socket.IO on the API's HTTP server, sharing rooms across instances through Redis. The
 * handshake verifies the access token (revoked ones included); the server alone decides the
 * rooms — `user:{id}`, `tenant:{id}` for workspace members, `dm:live` for staff — and refuses
 * any request to join another.
 */
export async function registerSocketIo(app: FastifyInstance, deps: AppDeps, sessions: SessionService): Promise<void> {
  const pub = deps.redis.duplicate({ keyPrefix: "", enableOfflineQueue: true });
  const sub = pub.duplicate();
  const relay = pub.duplicate();
  for (const c of [pub, sub, relay])
    c.on("error", (err) => app.log.warn({ err: err.message }, "socket.io redis connection error"));
  const allowed = new Set(deps.config.CORS_ORIGINS);
  const io = new Server(app.server, {
    path: "/socket.io",
    serveClient: false,
    cors: { origin: (origin, cb) => cb(null, !origin || allowed.has(origin)), credentials: true },
    adapter: createAdapter(pub, sub, { key: `${deps.config.QUEUE_PREFIX}:socket.io` }),
  });

  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown; portal?: unknown };
      const portal = portalSchema.safeParse(auth.portal);
      const token =
        (typeof auth.token === "string" && auth.token) ||
        socket.handshake.headers.authorization?.replace(/^Bearer /, "") ||
        (portal.success ? cookieValue(socket.handshake.headers.cookie, cookieNames(portal.data).access) : undefined);
      if (!token) return next(new Error("UNAUTHORIZED"));
      socket.data.claims = await sessions.authenticate(token);
      next();
    } catch {
      next(new Error("UNAUTHORIZED"));
    }
  });

  io.on("connection", (socket) => {
    const claims = socket.data.claims as AccessClaims;
    void socket.join(rooms.user(claims.sub));
    if (claims.kind === "tenant") void socket.join(rooms.tenant(claims.tenantId));
    else void socket.join(rooms.dm);
    socket.emit("ready", { rooms: [...socket.rooms].filter((r) => r !== socket.id) });
    // Rooms are assigned, never chosen by the client.
    socket.on("join", (_room: unknown, ack?: (answer: unknown) => void) => {
      if (typeof ack === "function") ack({ error: { code: "FORBIDDEN", message: "Rooms are assigned by the server" } });
    });
  });

  // Workers and every API instance publish on one channel; each instance delivers to its own
  // sockets (`local`), so an event reaches every socket exactly once, whichever instance it is on.
  await relay.subscribe(REALTIME_CHANNEL);
  relay.on("message", (_channel, raw) => {
    const parsed = realtimeEventSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return;
    io.local.to(parsed.data.rooms).emit(parsed.data.event, parsed.data.payload);
  });

  app.decorate("io", io);
  app.addHook("onClose", async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
    for (const c of [pub, sub, relay]) c.disconnect();
  });
}
