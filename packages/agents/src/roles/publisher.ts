import type { Activity, BlogPost } from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { createWordPressClient, WordPressError } from "@leadmetrics/provider-wordpress";
import { PermanentJobError, UnrecoverableError } from "@leadmetrics/queue";
import { marked } from "marked";
import { defineAgentRole, type RoleDeps, type RoleJobContext } from "./types";

type PublishContext = RoleJobContext<"publisher">;

/** Where a deliverable goes; returns its public URL (null when it is delivered in the app). */
async function publishDeliverable(
  ctx: PublishContext,
  deps: RoleDeps,
  activity: Activity & { blogPost: BlogPost | null },
): Promise<{ url: string | null; externalId?: string }> {
  const { tdb } = ctx;
  if (activity.type === "strategy") return { url: null };
  if (activity.type === "social_post") throw new PermanentJobError("no social network is connected for publishing yet");
  const post = activity.blogPost;
  if (!post) throw new PermanentJobError("the blog post has no content to publish");
  const channel = await tdb.connectedChannel.findFirst({
    where: { kind: "wordpress", status: "connected" },
    orderBy: { createdAt: "asc" },
  });
  if (!channel)
    throw new PermanentJobError("no WordPress site is connected: connect one under Channels, then retry publishing");
  const wp = createWordPressClient({
    siteUrl: channel.siteUrl,
    username: channel.username,
    applicationPassword: deps.secrets.decrypt(channel.credentialsEncrypted),
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
    return { url: published.link, externalId: String(published.id) };
  } catch (err) {
    if (err instanceof WordPressError && err.permanent) throw new PermanentJobError(err.message);
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
      const { url, externalId } = await publishDeliverable(ctx, deps, activity);
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
          return { publishedUrl: url, lastError: null };
        },
      });
      return { url };
    } catch (err) {
      if (ctx.final || err instanceof UnrecoverableError) {
        const reason = (err as Error).message ?? String(err);
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
