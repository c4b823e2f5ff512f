import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AUDIT_COUNT_CAP, listAuditLog, nameAuditRows } from "../../domain/audit-log";
import { errorResponses, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const entrySchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid().nullable(),
  tenantName: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actor: z
    .object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .describe("Who acted; null for the platform itself. Name and email are null if the account is gone"),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable().describe("The target's name (a title, a queue…) when it has one and still exists"),
  targetEmail: z.string().nullable().describe("A user target's email"),
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
          items: (await nameAuditRows(ctx.db, rows)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
          total,
          totalCapped,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );
  };
