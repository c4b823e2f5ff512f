import type {
  OAuthTokenSet,
  PublishedPost,
  SocialAccount,
  SocialPostInput,
  SocialProvider,
  SocialProviderConfig,
} from "@leadmetrics/provider-core";
import { accountTokenOf, createGraphClient } from "./graph";

/** What publishing as a Page needs: listing the Pages (with their tokens) and posting to them. */
export const FACEBOOK_SCOPES = [
  "pages_show_list",
  "pages_read_engagement",
  "pages_manage_posts",
  "business_management",
];

const LABEL = "Facebook";

/**
 * The message posted. A post with photos cannot carry a link preview, so a link not already in
 * the text follows it; `findPublished` looks for this same message.
 */
const messageOf = (post: SocialPostInput) =>
  post.images.length > 0 && post.link && !post.text.includes(post.link) ? `${post.text}\n\n${post.link}` : post.text;

/** Facebook Pages on the Graph API: the person's Pages, published to with each Page's own token. */
export function createFacebookProvider(config: SocialProviderConfig): SocialProvider {
  const graph = createGraphClient(config, "facebook", LABEL, FACEBOOK_SCOPES);
  const postUrl = (id: string) => graph.wwwUrl(`/${id}`);

  return {
    kind: "facebook",
    usesPkce: false,
    authorizeUrl: ({ state }) => graph.authorizeUrl(state),
    exchangeCode: ({ code }) => graph.exchangeCode(code),
    refresh: (tokens) => graph.refresh(tokens),

    async listAccounts(tokens: OAuthTokenSet): Promise<SocialAccount[]> {
      const pages = await graph.listPages(tokens);
      return pages.map((page) => ({
        externalId: page.id,
        name: page.name,
        type: "page",
        avatarUrl: page.picture?.data?.url,
        accountToken: page.access_token,
      }));
    },

    async findPublished(post: SocialPostInput, account: SocialAccount): Promise<PublishedPost | null> {
      const res = await graph.call<{ data?: { id: string; message?: string; permalink_url?: string }[] }>(
        "GET",
        `/${account.externalId}/posts`,
        "read",
        {
          token: accountTokenOf("facebook", LABEL, account),
          params: { fields: "id,message,permalink_url", limit: "50" },
        },
      );
      const message = messageOf(post);
      const found = (res.data ?? []).find((p) => p.message === message);
      return found ? { externalId: found.id, url: postUrl(found.id) } : null;
    },

    async publish(post: SocialPostInput, account: SocialAccount): Promise<PublishedPost> {
      const token = accountTokenOf("facebook", LABEL, account);
      const page = account.externalId;
      // Photos are uploaded unpublished (Facebook fetches each from its url), then attached to one post.
      const photoIds: string[] = [];
      for (const image of post.images) {
        const photo = await graph.call<{ id: string }>("POST", `/${page}/photos`, "publish", {
          token,
          body: { url: image.publicUrl, published: false },
        });
        photoIds.push(photo.id);
      }
      const created = await graph.call<{ id: string }>("POST", `/${page}/feed`, "publish", {
        token,
        body:
          photoIds.length > 0
            ? { message: messageOf(post), attached_media: photoIds.map((id) => ({ media_fbid: id })) }
            : { message: post.text, link: post.link },
      });
      return { externalId: created.id, url: postUrl(created.id) };
    },
  };
}
