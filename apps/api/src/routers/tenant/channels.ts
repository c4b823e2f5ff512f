import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import {
  type ChannelActor,
  type ChannelView,
  connectWordpressChannel,
  listChannels,
  removeChannel,
  wordpressChannelInput,
} from "../../domain/channels";
import { errorResponses, idParams } from "../../lib/http-schemas";
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
const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

const toChannel = (c: ChannelView): z.infer<typeof channelSchema> => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  siteUrl: c.siteUrl,
  username: c.username,
  status: c.status,
  lastError: c.lastError,
  createdAt: c.createdAt.toISOString(),
});

const actorOf = (req: FastifyRequest): ChannelActor => {
  const t = tenantOf(req);
  return { tenantId: t.tenantId, userId: t.userId, requestId: req.id };
};

/** Publishing destinations. Credentials are sealed with AES-256-GCM before they reach the database. */
export const channelsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/channels",
      {
        schema: { tags: ["tenant"], response: { 200: z.object({ items: z.array(channelSchema) }), ...errorResponses } },
      },
      async (req) => ({ items: (await listChannels(tenantOf(req).db)).map(toChannel) }),
    );

    app.post(
      "/channels/wordpress",
      {
        config: managers,
        schema: { tags: ["tenant"], body: wordpressChannelInput, response: { 201: channelSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const channel = await connectWordpressChannel(
          { tdb: tenantOf(req).db, secrets: ctx.secrets, allowPrivateUrls: ctx.config.ALLOW_PRIVATE_CHANNEL_URLS },
          actorOf(req),
          req.body,
        );
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
        await removeChannel(tenantOf(req).db, actorOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
