// The floor under the API's figures: Fastify 5 with no plugins, in its own process. `/live`
// answers a small JSON; `/members/:tenantId` runs the very SQL the API's members list needs
// through a bare `pg` pool (no auth, no ORM) and answers the same JSON. Fastify and pg are
// resolved from the API and db packages, so they are the versions production runs.
import { createRequire } from "node:module";

interface BareApp {
  get(url: string, handler: (req: { params: Record<string, string> }) => unknown): void;
  listen(opts: { port: number; host: string }): Promise<string>;
}
interface PgPool {
  query(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
const Fastify = createRequire(new URL("../../apps/api/package.json", import.meta.url))("fastify") as (opts: {
  logger: boolean;
}) => BareApp;
const { Pool } = createRequire(new URL("../../packages/db/package.json", import.meta.url))("pg") as {
  Pool: new (opts: { connectionString: string; max: number }) => PgPool;
};

const app = Fastify({ logger: false });
app.get("/live", async () => ({ status: "ok" }));
if (process.env.DATABASE_URL) {
  // The API's pool size, so both sides wait for connections alike.
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  });
  app.get("/members/:tenantId", async (req) => {
    const { rows } = await pool.query(
      `SELECT m."userId", m.role, m."createdAt", u.email, u.name, u."passwordHash" IS NULL AS pending
       FROM "TenantMember" m JOIN "User" u ON u.id = m."userId"
       WHERE m."tenantId" = $1 ORDER BY m."createdAt" ASC`,
      [req.params.tenantId],
    );
    return {
      items: rows.map((r) => ({
        userId: r.userId,
        email: r.email,
        name: r.name,
        role: r.role,
        invitationPending: r.pending,
        joinedAt: (r.createdAt as Date).toISOString(),
      })),
    };
  });
}
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
