import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const entrySchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  metadata: z.unknown(),
  createdAt: z.string(),
});

/**
 * The log only grows (200,000 rows and more): an exact total would read every matching row on
 * each page. Counting stops here, and the page says "10,000+" instead.
 */
export const AUDIT_COUNT_CAP = 10_000;

const listQuery = paginationQuery.extend({
  tenantId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(100).optional().describe("Exact action, or a prefix ending in '.' such as 'tenant.'"),
});

export const adminAuditLogsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/audit-logs",
      {
        schema: {
          tags: ["admin"],
          querystring: listQuery,
          response: {
            200: page(entrySchema).extend({
              totalCapped: z
                .boolean()
                .describe(`true when at least ${AUDIT_COUNT_CAP} entries match: \`total\` is then that cap`),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { tenantId, actorId, action } = req.query;
        const where = {
          ...(tenantId ? { tenantId } : {}),
          ...(actorId ? { actorId } : {}),
          ...(action ? (action.endsWith(".") ? { action: { startsWith: action } } : { action }) : {}),
        };
        const [rows, total] = await Promise.all([
          ctx.db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }),
          ctx.db.auditLog.count({ where, take: AUDIT_COUNT_CAP }),
        ]);
        return {
          items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
          total,
          totalCapped: total >= AUDIT_COUNT_CAP,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );
  };
