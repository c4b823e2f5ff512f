import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AUDIT_COUNT_CAP, listAuditLog } from "../../domain/audit-log";
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
        const { rows, total, totalCapped } = await listAuditLog(ctx.db, req.query, skipTake(req.query));
        return {
          items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
          total,
          totalCapped,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );
  };
