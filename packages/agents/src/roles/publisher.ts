import { publishTargetOf } from "@leadmetrics/catalog";
import {
  type Activity,
  type BlogPost,
  type ConnectedChannel,
  channelHealthUpdate,
  findPublishingChannel,
  UNREADABLE_CHANNEL_PASSWORD,
} from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { createWordPressClient, isWordPressError } from "@leadmetrics/provider-wordpress";
import { PermanentJobError, UnrecoverableError } from "@leadmetrics/queue";
import { marked } from "marked";
import { defineAgentRole, type RoleDeps, type RoleJobContext } from "./types";

type PublishContext = RoleJobContext<"publisher">;

/** What the client reads when the failure is not one we can name (a bug, the database): never its raw text. */
export const UNEXPECTED_PUBLISH_FAILURE =
  "Publishing stopped on an unexpected error on our side: retry publishing; if it keeps failing, contact support.";

/**
 * The sentence stored as the activity's lastError: the site's failure in plain words (naming its
 * host and the next step), our own refusals as they are, anything else a generic sentence, so
 * "fetch failed", a stack or an internal address never reaches a client.
 */
export function publishFailureText(err: unknown): string {
  if (isWordPressError(err) || err instanceof PermanentJobError) return err.message;
  return UNEXPECTED_PUBLISH_FAILURE;
}

/** Where a deliverable goes; returns its public URL (null when it is delivered in the app). */
async function publishDeliverable(
  ctx: PublishContext,
  deps: RoleDeps,
  activity: Activity & { blogPost: BlogPost | null },
): Promise<{ url: string | null; externalId?: string; channel?: ConnectedChannel }> {
  const { tdb } = ctx;
  const target = publishTargetOf(activity.type);
  if (target === "app") return { url: null };
  if (target === "social") throw new PermanentJobError("No social network can be connected for publishing yet.");
  const post = activity.blogPost;
  if (!post) throw new PermanentJobError("The blog post has no content to publish: ask for a new draft.");
  const channel = await findPublishingChannel(tdb, target);
  if (!channel)
    throw new PermanentJobError("No WordPress site is connected: connect one in Channels, then retry publishing.");
  let applicationPassword: string;
  try {
    applicationPassword = deps.secrets.decrypt(channel.credentialsEncrypted);
  } catch {
    await tdb.connectedChannel.updateMany({
      where: { id: channel.id },
      data: channelHealthUpdate(new Date(), { ok: false, error: UNREADABLE_CHANNEL_PASSWORD }),
    });
    throw new PermanentJobError(UNREADABLE_CHANNEL_PASSWORD);
  }
  const wp = createWordPressClient({
    siteUrl: channel.siteUrl,
    username: channel.username,
    applicationPassword,
    signal: ctx.signal,
    fetch: deps.outboundFetch,
  });
  // The slug is derived from the activity, so a retry after a crash finds the post it already made.
  const slug = `lm-${activity.id.slice(-12)}`;
  try {
    const existing = await wp.findPostBySlug(slug);
    const published =
      existing ??
      (await wp.createPost({ title: post.title, content: await marked.parse(post.body), slug, status: "publish" }));
    return { url: published.link, externalId: String(published.id), channel };
  } catch (err) {
    if (!isWordPressError(err)) throw err;
    // Every failed attempt is the channel's health, so the Channels page shows it before retries run out.
    await tdb.connectedChannel
      .updateMany({
        where: { id: channel.id },
        data: channelHealthUpdate(new Date(), { ok: false, error: err.message }),
      })
      .catch((e) => ctx.log.warn({ err: e }, "could not record the channel's failure"));
    ctx.log.warn({ kind: err.kind, detail: err.detail, channelId: channel.id }, "publishing to WordPress failed");
    if (err.permanent) throw new PermanentJobError(err.message);
    throw err;
  }
}

/**
 * publisher: posts a client-approved deliverable to its channel. It refuses, in its own code,
 * unless the plan is approved and the client approved this activity (the HITL gate), and while
 * the workspace is suspended.
 */
export const publisher = defineAgentRole("publisher", {
  concurrency: 4,
  lockDurationMs: 2 * 60_000,
  async handle(ctx, deps) {
    const { payload, log, tdb } = ctx;
    const activity = await tdb.activity.findFirst({
      where: { id: payload.activityId },
      include: { plan: { select: { status: true } }, blogPost: true },
    });
    if (!activity) throw new PermanentJobError("activity not found for this tenant");
    if (activity.status === "published") return { skipped: true };
    // A suspended workspace publishes nothing (its members are told so); the job waits in
    // Manage's failed jobs, to be replayed once the workspace is reactivated.
    const tenant = await tdb.tenant.findFirst({ select: { status: true } });
    if (tenant?.status !== "active")
      throw new PermanentJobError("refused to publish: the workspace is suspended; replay once it is reactivated");
    if (activity.plan.status !== "approved")
      throw new PermanentJobError(`refused to publish: the plan is ${activity.plan.status}, not approved`);
    if (activity.status !== "client_approved" && activity.status !== "publishing") {
      throw new PermanentJobError(`refused to publish: the activity is ${activity.status}, not approved by the client`);
    }
    const approval = await tdb.activityEvent.findFirst({
      where: { activityId: activity.id, action: "client_approve", actorType: "user" },
      select: { id: true },
    });
    if (!approval) throw new PermanentJobError("refused to publish: no client approval is recorded");

    const flow = { tdb, outbox: deps.outbox, log, realtime: deps.realtime };
    const ids = {
      activityId: activity.id,
      actor: { type: "agent" as const, id: "publisher" },
      requestId: payload.requestId,
    };
    if (activity.status === "client_approved") await applyTransition(flow, { ...ids, action: "publish_start" });
    try {
      const { url, externalId, channel } = await publishDeliverable(ctx, deps, activity);
      await applyTransition(flow, {
        ...ids,
        action: "publish_succeeded",
        within: async (tx, current) => {
          if (current.type === "blog_post") {
            await tx.blogPost.updateMany({
              where: { activityId: current.id },
              data: { publishedUrl: url, externalId: externalId ?? null, publishedAt: new Date() },
            });
          }
          if (channel)
            await tx.connectedChannel.updateMany({
              where: { id: channel.id },
              data: channelHealthUpdate(new Date(), { ok: true, published: true }),
            });
          return { publishedUrl: url, lastError: null };
        },
      });
      return { url };
    } catch (err) {
      if (ctx.final || err instanceof UnrecoverableError) {
        const reason = publishFailureText(err);
        await applyTransition(flow, {
          ...ids,
          action: "publish_failed",
          within: async () => ({ lastError: reason.slice(0, 2_000) }),
        }).catch((e) => log.warn({ err: e }, "could not record the publish failure"));
      }
      throw err;
    }
  },
});
