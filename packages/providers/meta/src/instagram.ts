import {
  type OAuthTokenSet,
  type PublishedPost,
  type SocialAccount,
  type SocialPostInput,
  type SocialProvider,
  type SocialProviderConfig,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { accountTokenOf, createGraphClient } from "./graph";

/** Instagram business accounts are reached through the Facebook Pages they are linked to. */
export const INSTAGRAM_SCOPES = [
  "instagram_basic",
  "instagram_content_publish",
  "pages_show_list",
  "pages_read_engagement",
  "business_management",
];

const LABEL = "Instagram";
/** How long a media container may take to process before publishing gives up (and retries later). */
const READY_ATTEMPTS = 30;
const READY_INTERVAL_MS = 1000;

/**
 * Instagram business accounts on the Graph API (Instagram API with Facebook Login): each Page's
 * linked account, published to with the Page's token. Instagram fetches the images from their
 * public urls itself.
 */
export function createInstagramProvider(config: SocialProviderConfig): SocialProvider {
  const graph = createGraphClient(config, "instagram", LABEL, INSTAGRAM_SCOPES);
  const instagramWww = config.baseUrl?.replace(/\/+$/, "") ?? "https://www.instagram.com";

  /** A container is published only once Instagram has fetched and processed its media. */
  async function waitUntilReady(containerId: string, token: string): Promise<void> {
    for (let attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
      const { status_code: status } = await graph.call<{ status_code?: string }>("GET", `/${containerId}`, "publish", {
        token,
        params: { fields: "status_code" },
      });
      if (status === "FINISHED" || status === "PUBLISHED" || status === undefined) return;
      if (status === "ERROR" || status === "EXPIRED")
        throw new SocialProviderError(
          "instagram",
          "rejected",
          "Instagram could not process the image: check that it is a JPEG within Instagram's size and aspect-ratio limits, then retry publishing.",
          { detail: `container ${containerId} status ${status}` },
        );
      await new Promise((resolve) => setTimeout(resolve, READY_INTERVAL_MS));
    }
    throw new SocialProviderError(
      "instagram",
      "unavailable",
      "Instagram is still processing the image: publishing retries later.",
      { detail: `container ${containerId} not finished` },
    );
  }

  return {
    kind: "instagram",
    usesPkce: false,
    authorizeUrl: ({ state }) => graph.authorizeUrl(state),
    exchangeCode: ({ code }) => graph.exchangeCode(code),
    refresh: (tokens) => graph.refresh(tokens),

    async listAccounts(tokens: OAuthTokenSet): Promise<SocialAccount[]> {
      const pages = await graph.listPages(tokens);
      return pages.flatMap((page) => {
        const ig = page.instagram_business_account;
        if (!ig) return [];
        return [
          {
            externalId: ig.id,
            name: page.name,
            type: "business account",
            handle: ig.username,
            avatarUrl: ig.profile_picture_url,
            accountToken: page.access_token,
          },
        ];
      });
    },

    async findPublished(post: SocialPostInput, account: SocialAccount): Promise<PublishedPost | null> {
      const res = await graph.call<{ data?: { id: string; caption?: string; permalink?: string }[] }>(
        "GET",
        `/${account.externalId}/media`,
        "read",
        { token: accountTokenOf("instagram", LABEL, account), params: { fields: "id,caption,permalink", limit: "50" } },
      );
      const found = (res.data ?? []).find((m) => m.caption === post.text);
      return found ? { externalId: found.id, url: found.permalink ?? profileUrl(account) } : null;
    },

    async publish(post: SocialPostInput, account: SocialAccount): Promise<PublishedPost> {
      if (post.images.length === 0)
        throw new SocialProviderError(
          "instagram",
          "rejected",
          "Instagram needs an image with every post: add one from the media library, then retry publishing.",
        );
      const token = accountTokenOf("instagram", LABEL, account);
      const user = account.externalId;
      const media = (body: Record<string, unknown>) =>
        graph.call<{ id: string }>("POST", `/${user}/media`, "publish", { token, body });
      let container: { id: string };
      if (post.images.length === 1)
        container = await media({ image_url: post.images[0]!.publicUrl, caption: post.text });
      else {
        const children: string[] = [];
        for (const image of post.images)
          children.push((await media({ image_url: image.publicUrl, is_carousel_item: true })).id);
        container = await media({ media_type: "CAROUSEL", children: children.join(","), caption: post.text });
      }
      await waitUntilReady(container.id, token);
      const published = await graph.call<{ id: string }>("POST", `/${user}/media_publish`, "publish", {
        token,
        body: { creation_id: container.id },
      });
      // The post exists now: a failure reading its permalink must not make a retry post it twice.
      let url: string;
      try {
        const read = await graph.call<{ permalink?: string }>("GET", `/${published.id}`, "read", {
          token,
          params: { fields: "permalink" },
        });
        url = read.permalink ?? profileUrl(account);
      } catch {
        url = profileUrl(account);
      }
      return { externalId: published.id, url };
    },
  };

  function profileUrl(account: SocialAccount): string {
    return `${instagramWww}/${account.handle ?? ""}`;
  }
}
