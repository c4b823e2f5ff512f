import { CHANNEL_CATALOG, checkPostLimits, isSocialChannelKind } from "@leadmetrics/catalog";
import { type ConnectedChannel, channelHealthUpdate, UNREADABLE_CHANNEL_PASSWORD } from "@leadmetrics/db";
import {
  isSocialProviderError,
  type PublishedPost,
  type SocialImage,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { createWordPressClient, isWordPressError } from "@leadmetrics/provider-wordpress";
import { PermanentJobError } from "@leadmetrics/queue";
import { marked } from "marked";
import { type ChannelAccessDeps, withChannelSession } from "./access";
import type { MediaLinks } from "./media-links";

/** What is published, whatever the channel. */
export interface ChannelPost {
  /** Derived from the activity, the same on every retry: how a retry finds what it already made. */
  key: string;
  title: string | null;
  /** Markdown for a site; the post's text, as it reads, for a social network. */
  body: string;
  link?: string;
  /** Images of the workspace's media library, in order. */
  mediaIds: string[];
}

export interface PublishDeps extends ChannelAccessDeps {
  /** Calls to tenants' own sites: public addresses only (createOutboundFetch). */
  outboundFetch: typeof fetch;
  mediaLinks: MediaLinks;
  /** How the publisher downloads media links (the API's own address). */
  fetchMedia?: typeof fetch;
  signal?: AbortSignal;
}

/**
 * Publishes to one connected channel through its network's client, and records the attempt as
 * the channel's health (the Channels page shows a failure before retries run out). Failures are
 * WordPressError / SocialProviderError / PermanentJobError, whose message is the sentence for the
 * client.
 */
export async function publishToChannel(
  deps: PublishDeps,
  channel: ConnectedChannel,
  post: ChannelPost,
): Promise<PublishedPost> {
  const at = deps.now?.() ?? new Date();
  try {
    const published =
      channel.kind === "wordpress"
        ? await publishToWordPress(deps, channel, post)
        : await publishToSocial(deps, channel, post);
    await deps.tdb.connectedChannel.updateMany({
      where: { id: channel.id },
      data: channelHealthUpdate(at, { ok: true, published: true }),
    });
    return published;
  } catch (err) {
    if (isWordPressError(err) || isSocialProviderError(err) || err instanceof PermanentJobError)
      await deps.tdb.connectedChannel
        .updateMany({ where: { id: channel.id }, data: channelHealthUpdate(at, { ok: false, error: err.message }) })
        .catch(() => undefined);
    throw err;
  }
}

async function publishToWordPress(deps: PublishDeps, channel: ConnectedChannel, post: ChannelPost) {
  let applicationPassword: string;
  try {
    applicationPassword = deps.secrets.decrypt(channel.credentialsEncrypted);
  } catch {
    throw new PermanentJobError(UNREADABLE_CHANNEL_PASSWORD);
  }
  const wp = createWordPressClient({
    siteUrl: channel.siteUrl ?? "",
    username: channel.username ?? "",
    applicationPassword,
    signal: deps.signal,
    fetch: deps.outboundFetch,
  });
  const slug = `lm-${post.key}`;
  try {
    const found =
      (await wp.findPostBySlug(slug)) ??
      (await wp.createPost({
        title: post.title ?? "",
        content: await marked.parse(post.body),
        slug,
        status: "publish",
      }));
    return { externalId: String(found.id), url: found.link };
  } catch (err) {
    if (isWordPressError(err) && err.permanent) throw new PermanentJobError(err.message);
    throw err;
  }
}

async function publishToSocial(deps: PublishDeps, channel: ConnectedChannel, post: ChannelPost) {
  if (!isSocialChannelKind(channel.kind)) throw new PermanentJobError(`Unknown channel kind ${channel.kind}.`);
  const kind = channel.kind;
  // The same limits the reviewer and the client saw: a post that breaks one is not sent to fail there.
  const problems = checkPostLimits(kind, { text: post.body, imageCount: post.mediaIds.length });
  if (problems.length) throw new PermanentJobError(problems.map((p) => p.message).join(" "));
  const images = await Promise.all(post.mediaIds.map((mediaId) => downloadImage(deps, channel, mediaId)));
  const input = { text: post.body, ...(post.link ? { link: post.link } : {}), images };
  try {
    return await withChannelSession(deps, channel.id, async ({ provider, account, tokens }) => {
      // No network here takes an idempotency key: look for the post a crashed attempt made first.
      const existing = await provider.findPublished(input, account, tokens);
      return existing ?? (await provider.publish(input, account, tokens));
    });
  } catch (err) {
    if (isSocialProviderError(err) && err.permanent) throw new PermanentJobError(err.message);
    throw err;
  }
}

/** The image converted to the network's rules, through the same signed link the network may fetch. */
async function downloadImage(deps: PublishDeps, channel: ConnectedChannel, mediaId: string): Promise<SocialImage> {
  const kind = channel.kind as keyof typeof CHANNEL_CATALOG;
  const publicUrl = deps.mediaLinks.url({ tenantId: channel.tenantId, mediaId, kind }, deps.now?.());
  const res = await (deps.fetchMedia ?? fetch)(publicUrl, { signal: deps.signal }).catch((err: unknown) => {
    throw new SocialProviderError(
      CHANNEL_CATALOG[kind].label,
      "unavailable",
      "The post's images could not be prepared yet; publishing will retry.",
      {
        cause: err,
      },
    );
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) {
    let message = "An image of this post could not be prepared for publishing: choose another, then retry publishing.";
    try {
      message = (JSON.parse(Buffer.from(bytes).toString("utf8")) as { error: { message: string } }).error.message;
    } catch {
      // not our error body: keep the general sentence
    }
    if (res.status >= 500) throw new SocialProviderError(CHANNEL_CATALOG[kind].label, "unavailable", message);
    throw new PermanentJobError(message);
  }
  return {
    bytes,
    contentType: res.headers.get("content-type") ?? "image/jpeg",
    width: Number(res.headers.get("x-image-width") ?? 0),
    height: Number(res.headers.get("x-image-height") ?? 0),
    publicUrl,
  };
}
