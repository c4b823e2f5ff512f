import { publishTargetOf } from "@leadmetrics/catalog";
import { publishToChannel } from "@leadmetrics/channels";
import { type Activity, type BlogPost, findPublishingChannel, type SocialPost } from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { isSocialProviderError } from "@leadmetrics/provider-core";
import { isWordPressError } from "@leadmetrics/provider-wordpress";
import { PermanentJobError, UnrecoverableError } from "@leadmetrics/queue";
import { defineAgentRole, type RoleDeps, type RoleJobContext } from "./types";

type PublishContext = RoleJobContext<"publisher">;

/** What the client reads when the failure is not one we can name (a bug, the database): never its raw text. */
export const UNEXPECTED_PUBLISH_FAILURE =
  "Publishing stopped on an unexpected error on our side: retry publishing; if it keeps failing, contact support.";

/**
 * The sentence stored as the activity's lastError: the network's or the site's failure in plain
 * words (naming it and the next step), our own refusals as they are, anything else a generic
 * sentence, so "fetch failed", a stack or an internal address never reaches a client.
 */
export function publishFailureText(err: unknown): string {
  if (isWordPressError(err) || isSocialProviderError(err) || err instanceof PermanentJobError) return err.message;
  return UNEXPECTED_PUBLISH_FAILURE;
}

type PublishableActivity = Activity & { blogPost: BlogPost | null; socialPost: SocialPost | null };

/** Where a deliverable goes; returns its public URL (null when it is delivered in the app). */
async function publishDeliverable(
  ctx: PublishContext,
  deps: RoleDeps,
  activity: PublishableActivity,
): Promise<{ url: string | null; externalId?: string }> {
  const { tdb } = ctx;
  const target = publishTargetOf(activity.type);
  if (target === "app") return { url: null };
  const content =
    target === "wordpress"
      ? activity.blogPost && { title: activity.blogPost.title, body: activity.blogPost.body, mediaIds: [] }
      : activity.socialPost && { title: null, body: activity.socialPost.text, mediaIds: activity.socialPost.mediaIds };
  if (!content) throw new PermanentJobError("There is no content to publish: ask for a new draft.");
  // Published before, and the job ran again (a crash before the transition): never post twice.
  if (activity.socialPost?.externalId && activity.socialPost.publishedUrl)
    return { url: activity.socialPost.publishedUrl, externalId: activity.socialPost.externalId };
  const channel = await findPublishingChannel(tdb, {
    target,
    channelId: activity.channelId,
    channel: activity.channel,
  });
  if (!channel)
    throw new PermanentJobError(
      activity.channelId
        ? "The channel chosen for this work was removed: choose another on its page, then retry publishing."
        : target === "wordpress"
          ? "No WordPress site is connected: connect one in Channels, then retry publishing."
          : "No social network is connected for this post: connect one in Channels, then retry publishing.",
    );
  try {
    // The key is derived from the activity, so a retry after a crash finds the post it already made.
    const published = await publishToChannel({ ...deps.channels, tdb, signal: ctx.signal }, channel, {
      key: activity.id.slice(-12),
      ...content,
    });
    // Stored before the job is acknowledged: a redelivered job finds it and posts nothing.
    if (activity.socialPost)
      await tdb.socialPost.updateMany({
        where: { activityId: activity.id },
        data: { externalId: published.externalId, publishedUrl: published.url },
      });
    return { url: published.url, externalId: published.externalId };
  } catch (err) {
    ctx.log.warn(
      { err: (err as Error).message, detail: (err as { detail?: string }).detail, channelId: channel.id },
      "publishing failed",
    );
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
      include: { plan: { select: { status: true } }, blogPost: true, socialPost: true },
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
      const { url, externalId } = await publishDeliverable(ctx, deps, activity);
      await applyTransition(flow, {
        ...ids,
        action: "publish_succeeded",
        within: async (tx, current) => {
          const published = { publishedUrl: url, externalId: externalId ?? null, publishedAt: new Date() };
          if (current.type === "blog_post")
            await tx.blogPost.updateMany({ where: { activityId: current.id }, data: published });
          if (current.type === "social_post")
            await tx.socialPost.updateMany({ where: { activityId: current.id }, data: published });
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
