import { channelHealth } from "@leadmetrics/db";
import { createOutboundFetch } from "@leadmetrics/provider-core";
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
  testChannel,
  wordpressChannelInput,
} from "../../domain/channels";
import { errorResponses, errorSchema, idParams } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

export const channelSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    name: z.string(),
    siteUrl: z.string(),
    username: z.string(),
    status: z.string(),
    /** What the last successful check found at the site. */
    siteName: z.string().nullable(),
    accountName: z.string().nullable(),
    accountRoles: z.array(z.string()),
    health: z
      .enum(["healthy", "needs_attention", "not_checked"])
      .describe("healthy: the last check or publish went well; needs_attention: it failed (see lastError)"),
    lastCheckedAt: z.string().nullable(),
    lastPublishedAt: z.string().nullable(),
    lastError: z.string().nullable().describe("The last failure in plain words, with the next step"),
    createdAt: z.string(),
  })
  .meta({ id: "Channel" });

const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };
/** These routes call the tenant's site: a person clicks them, a script must not hammer a site through us. */
const siteCalls = { ...managers, rateLimit: { max: 20, timeWindow: "1 minute" } };
/** The site refused the check (422) or the site's host could not be looked up (503). */
const siteCheckResponses = { ...errorResponses, 422: errorSchema, 503: errorSchema };

export const toChannel = (c: ChannelView): z.infer<typeof channelSchema> => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  siteUrl: c.siteUrl,
  username: c.username,
  status: c.status,
  siteName: c.siteName,
  accountName: c.accountName,
  accountRoles: c.accountRoles,
  health: channelHealth(c),
  lastCheckedAt: c.lastCheckedAt?.toISOString() ?? null,
  lastPublishedAt: c.lastPublishedAt?.toISOString() ?? null,
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
    // The sites are the tenants' choice: every call to one goes through the guarded fetch.
    const outboundFetch = createOutboundFetch({ allowPrivate: ctx.config.ALLOW_PRIVATE_CHANNEL_URLS });

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
        config: siteCalls,
        schema: {
          tags: ["tenant"],
          description:
            "Checks the credentials against the site (users/me) before saving; 422 CHANNEL_CHECK_FAILED says why the site refused, in plain words, with `details.fields` naming the field to fix. Nothing is saved on failure.",
          body: wordpressChannelInput,
          response: { 201: channelSchema, ...siteCheckResponses },
        },
      },
      async (req, reply) => {
        const channel = await connectWordpressChannel(
          {
            tdb: tenantOf(req).db,
            secrets: ctx.secrets,
            allowPrivateUrls: ctx.config.ALLOW_PRIVATE_CHANNEL_URLS,
            fetch: outboundFetch,
          },
          actorOf(req),
          req.body,
        );
        return reply.status(201).send(toChannel(channel));
      },
    );

    app.post(
      "/channels/:id/test",
      {
        config: siteCalls,
        schema: {
          tags: ["tenant"],
          description:
            "Test connection: asks the site again with the stored credentials and records the answer as the channel's health (a refusal is `health: needs_attention` with `lastError`, not an error answer).",
          params: idParams,
          response: { 200: channelSchema, ...errorResponses },
        },
      },
      async (req) =>
        toChannel(
          await testChannel({ tdb: tenantOf(req).db, secrets: ctx.secrets, fetch: outboundFetch }, req.params.id),
        ),
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
