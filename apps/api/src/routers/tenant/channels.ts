import { CHANNEL_KINDS, type ChannelKind } from "@leadmetrics/catalog";
import { CHANNEL_HEALTHS, channelHealth } from "@leadmetrics/db";
import { createOutboundFetch } from "@leadmetrics/provider-core";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import {
  completeChannelConnect,
  connectAccountSchema,
  connectCallbackInput,
  getChannelConnection,
  selectAccountInput,
  selectChannelAccount,
  startChannelConnect,
} from "../../domain/channel-connect";
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
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    siteUrl: z.string().nullable().describe("WordPress: the site's address; null for social networks"),
    username: z.string().nullable().describe("WordPress: the user it publishes as; null for social networks"),
    status: z.enum(["connected", "needs_reconnect"]),
    /** What the last successful check found at the site. */
    siteName: z.string().nullable(),
    accountName: z.string().nullable(),
    accountRoles: z.array(z.string()),
    externalAccountId: z.string().nullable().describe("Social networks: the network's id of the account published as"),
    accountType: z
      .string()
      .nullable()
      .describe("Social networks: organization, member, page, business account, location, user"),
    accountHandle: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    tokenExpiresAt: z.string().nullable().describe("OAuth: when the access token expires (it is renewed before then)"),
    health: z
      .enum(CHANNEL_HEALTHS)
      .describe(
        "healthy: the last check or publish went well; needs_attention: it failed (see lastError); needs_reconnect: the network stopped accepting the sign-in",
      ),
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
  kind: c.kind as ChannelKind,
  name: c.name,
  siteUrl: c.siteUrl,
  username: c.username,
  status: c.status === "needs_reconnect" ? "needs_reconnect" : "connected",
  siteName: c.siteName,
  accountName: c.accountName,
  accountRoles: c.accountRoles,
  externalAccountId: c.externalAccountId,
  accountType: c.accountType,
  accountHandle: c.accountHandle,
  avatarUrl: c.avatarUrl,
  tokenExpiresAt: c.tokenExpiresAt?.toISOString() ?? null,
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
            "Test connection: asks the site (or the network: is the account still listed for this sign-in?) again with the stored credentials and records the answer as the channel's health (a refusal is `health: needs_attention` with `lastError`, not an error answer).",
          params: idParams,
          response: { 200: channelSchema, ...errorResponses },
        },
      },
      async (req) =>
        toChannel(
          await testChannel(
            {
              tdb: tenantOf(req).db,
              secrets: ctx.secrets,
              fetch: outboundFetch,
              providers: ctx.socialProviders,
              outbox: ctx.outbox,
            },
            req.params.id,
          ),
        ),
    );

    const connectDeps = (req: FastifyRequest) => ({
      tdb: tenantOf(req).db,
      secrets: ctx.secrets,
      providers: ctx.socialProviders,
    });

    app.get(
      "/channels/:kind/oauth/start",
      {
        config: siteCalls,
        schema: {
          tags: ["tenant"],
          description:
            "Redirects (302) to the network's consent page with a single-use `state` bound to this workspace and person, valid 10 minutes, and a PKCE challenge where the network takes one. `reconnect`: renew that channel's sign-in. 503 when the platform has no app keys for the network.",
          params: z.object({ kind: z.string().max(40) }),
          querystring: z.object({ reconnect: z.uuid().optional() }),
          response: { 302: z.null(), ...errorResponses, 503: errorSchema },
        },
      },
      async (req, reply) => {
        const { authorizeUrl } = await startChannelConnect(
          connectDeps(req),
          actorOf(req),
          req.params.kind,
          req.query.reconnect,
        );
        return reply.redirect(authorizeUrl, 302);
      },
    );

    app.post(
      "/channels/oauth/callback",
      {
        config: siteCalls,
        schema: {
          tags: ["tenant"],
          description:
            "What the network sent the person back with (the Dashboard's callback page forwards it). The state is used up whatever follows; a forged, replayed, expired or someone else's state answers 400 and stores nothing. A declined consent or a network's refusal answers 422 CHANNEL_CHECK_FAILED in plain words. Then: `choose` (pick an account: GET /channels/connections/:id) or `reconnected`.",
          body: connectCallbackInput,
          response: {
            200: z.discriminatedUnion("outcome", [
              z.object({
                outcome: z.literal("choose"),
                connectionId: z.uuid(),
                kind: z.enum(CHANNEL_KINDS),
                accounts: z.array(connectAccountSchema),
              }),
              z.object({ outcome: z.literal("reconnected"), channelId: z.uuid() }),
            ]),
            ...siteCheckResponses,
          },
        },
      },
      async (req) => completeChannelConnect(connectDeps(req), actorOf(req), req.body),
    );

    app.get(
      "/channels/connections/:id",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          description:
            "A connect waiting for its person to pick an account (404 for anyone else, or once done or expired).",
          params: idParams,
          response: {
            200: z.object({
              id: z.uuid(),
              kind: z.enum(CHANNEL_KINDS),
              expiresAt: z.string(),
              accounts: z.array(connectAccountSchema.extend({ connected: z.boolean() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const c = await getChannelConnection(connectDeps(req), actorOf(req), req.params.id);
        return { ...c, expiresAt: c.expiresAt.toISOString() };
      },
    );

    app.post(
      "/channels/connections/:id/select",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          description: "Connects the account picked; 409 when it is already connected in this workspace.",
          params: idParams,
          body: selectAccountInput,
          response: { 201: channelSchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(toChannel(await selectChannelAccount(connectDeps(req), actorOf(req), req.params.id, req.body))),
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
