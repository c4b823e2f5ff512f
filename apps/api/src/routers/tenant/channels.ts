import { writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { errorResponses, idParams } from "../../lib/http-schemas";
import { checkChannelUrl } from "../../lib/public-url";
import type { RouterContext } from "../context";

const channelSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  siteUrl: z.string(),
  username: z.string(),
  status: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});
const wordpressBody = z.strictObject({
  name: z.string().trim().min(2).max(80),
  siteUrl: z.string().trim().max(300),
  username: z.string().trim().min(1).max(120),
  applicationPassword: z
    .string()
    .min(8)
    .max(200)
    .describe("A WordPress application password; stored encrypted, never returned"),
});
const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

type Row = {
  id: string;
  kind: string;
  name: string;
  siteUrl: string;
  username: string;
  status: string;
  lastError: string | null;
  createdAt: Date;
};
const toChannel = (c: Row) => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  siteUrl: c.siteUrl,
  username: c.username,
  status: c.status,
  lastError: c.lastError,
  createdAt: c.createdAt.toISOString(),
});

/** Publishing destinations. Credentials are sealed with AES-256-GCM before they reach the database. */
export const channelsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/channels",
      {
        schema: { tags: ["tenant"], response: { 200: z.object({ items: z.array(channelSchema) }), ...errorResponses } },
      },
      async (req) => ({
        items: (
          await tenantOf(req).db.connectedChannel.findMany({
            orderBy: { createdAt: "asc" },
            omit: { credentialsEncrypted: true },
          })
        ).map(toChannel),
      }),
    );

    app.post(
      "/channels/wordpress",
      {
        config: managers,
        schema: { tags: ["tenant"], body: wordpressBody, response: { 201: channelSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const t = tenantOf(req);
        const check = await checkChannelUrl(req.body.siteUrl, ctx.config.ALLOW_PRIVATE_CHANNEL_URLS);
        if (check && "unavailable" in check) throw new AppError(503, "SERVICE_UNAVAILABLE", check.unavailable);
        if (check)
          throw new AppError(400, "VALIDATION_ERROR", `siteUrl ${check.problem}`, {
            fields: [{ path: "body.siteUrl", message: check.problem }],
          });
        const siteUrl = req.body.siteUrl.replace(/\/+$/, "");
        const channel = await t.db.$transaction(async (tx) => {
          const created = await tx.connectedChannel.create({
            data: {
              tenantId: t.tenantId,
              kind: "wordpress",
              name: req.body.name,
              siteUrl,
              username: req.body.username,
              credentialsEncrypted: ctx.secrets.encrypt(req.body.applicationPassword),
            },
            omit: { credentialsEncrypted: true },
          });
          await writeAudit(tx, {
            actorId: t.userId,
            action: "channel.connected",
            targetType: "ConnectedChannel",
            targetId: created.id,
            requestId: req.id,
            metadata: { kind: "wordpress", siteUrl },
          });
          return created;
        });
        return reply.status(201).send(toChannel(channel));
      },
    );

    app.delete(
      "/channels/:id",
      {
        config: managers,
        schema: { tags: ["tenant"], params: idParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (req, reply) => {
        const t = tenantOf(req);
        await t.db.$transaction(async (tx) => {
          const removed = await tx.connectedChannel.deleteMany({ where: { id: req.params.id } });
          if (removed.count !== 1) throw notFound("Channel");
          await writeAudit(tx, {
            actorId: t.userId,
            action: "channel.removed",
            targetType: "ConnectedChannel",
            targetId: req.params.id,
            requestId: req.id,
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
