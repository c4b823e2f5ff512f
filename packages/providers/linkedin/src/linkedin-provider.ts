import {
  bearer,
  callSocial,
  type OAuthTokenSet,
  type PublishedPost,
  requestTokens,
  type SocialAccount,
  type SocialNetwork,
  type SocialPostInput,
  type SocialProvider,
  type SocialProviderConfig,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { toLittleText } from "./little-text";

export const LINKEDIN_SCOPES = [
  "openid",
  "profile",
  "w_member_social",
  "w_organization_social",
  "r_organization_admin",
] as const;

/** The versioned Marketing API (YYYYMM) this client speaks; LinkedIn keeps a version about a year. */
export const LINKEDIN_VERSION = "202411";

/** LinkedIn's error body: `{ status, message, code?, serviceErrorCode? }`. */
function linkedInReason(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message.trim() ? message.trim() : undefined;
}

const LINKEDIN: SocialNetwork = {
  kind: "linkedin",
  label: "LinkedIn",
  describeRejection(status, body) {
    const reason = linkedInReason(body);
    if (reason && /duplicate/i.test(reason))
      return "LinkedIn refused the post as a duplicate of one already published: change the text, then retry publishing.";
    if (status === 403)
      return `LinkedIn does not allow this account to do that${reason ? ` (“${reason}”)` : ""}: check that the person who connected it still administers the page, then reconnect the channel in Channels.`;
    return `LinkedIn refused the post${reason ? `: “${reason}”` : ` (HTTP ${status})`}. Change the post as it says, then retry publishing.`;
  },
};

const ACL_PAGE = 100;

interface OrganizationAcl {
  organization?: string;
  /** The older name of the same field. */
  organizationalTarget?: string;
}

interface Organization {
  id?: number;
  localizedName?: string;
  vanityName?: string;
  logoV2?: { original?: string };
}

export function createLinkedInProvider(config: SocialProviderConfig): SocialProvider {
  const www = config.baseUrl?.replace(/\/+$/, "") ?? "https://www.linkedin.com";
  const api = config.baseUrl?.replace(/\/+$/, "") ?? "https://api.linkedin.com";
  const call = (url: string, init: RequestInit = {}) => callSocial(config, LINKEDIN, url, init);
  /** The versioned REST API (`/rest/...`) wants its version and the Rest.li 2.0 protocol on every call. */
  const rest = (tokens: OAuthTokenSet, path: string, init: RequestInit = {}) =>
    call(`${api}/rest${path}`, {
      ...init,
      headers: {
        ...bearer(tokens),
        "linkedin-version": LINKEDIN_VERSION,
        "x-restli-protocol-version": "2.0.0",
        accept: "application/json",
        ...(typeof init.body === "string" ? { "content-type": "application/json" } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const postUrl = (urn: string) => `${www}/feed/update/${urn}/`;

  /** A logo's download address: LinkedIn stores it as a media asset the Images API resolves. */
  async function logoUrl(tokens: OAuthTokenSet, asset: string | undefined): Promise<string | undefined> {
    const id = asset?.split(":").at(-1);
    if (!id) return undefined;
    try {
      const res = await rest(tokens, `/images/${encodeURIComponent(`urn:li:image:${id}`)}`);
      const url = (res.json as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      return typeof url === "string" ? url : undefined;
    } catch {
      // A logo is a nicety: the account is listed without one.
      return undefined;
    }
  }

  async function uploadImage(tokens: OAuthTokenSet, owner: string, image: SocialPostInput["images"][number]) {
    const init = await rest(tokens, "/images?action=initializeUpload", {
      method: "POST",
      body: JSON.stringify({ initializeUploadRequest: { owner } }),
    });
    const value = (init.json as { value?: { uploadUrl?: unknown; image?: unknown } } | undefined)?.value;
    if (typeof value?.uploadUrl !== "string" || typeof value.image !== "string")
      throw new SocialProviderError("linkedin", "unavailable", "LinkedIn did not start the image upload: try again.", {
        detail: init.text.slice(0, 2000),
      });
    await call(value.uploadUrl, {
      method: "PUT",
      headers: { ...bearer(tokens), "content-type": image.contentType },
      body: image.bytes,
    });
    return value.image;
  }

  return {
    kind: "linkedin",
    usesPkce: false,

    authorizeUrl({ state }) {
      const q = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        state,
        scope: LINKEDIN_SCOPES.join(" "),
      });
      return `${www}/oauth/v2/authorization?${q}`;
    },

    exchangeCode({ code }) {
      return requestTokens(config, LINKEDIN, {
        url: `${www}/oauth/v2/accessToken`,
        clientAuth: "form",
        form: { grant_type: "authorization_code", code, redirect_uri: config.redirectUri },
      });
    },

    refresh(tokens) {
      if (!tokens.refreshToken)
        return Promise.reject(
          new SocialProviderError(
            "linkedin",
            "reauth_required",
            "LinkedIn gave this connection no refresh token: reconnect the channel in Channels.",
          ),
        );
      return requestTokens(config, LINKEDIN, {
        url: `${www}/oauth/v2/accessToken`,
        clientAuth: "form",
        form: { grant_type: "refresh_token", refresh_token: tokens.refreshToken },
        previous: tokens,
      });
    },

    async listAccounts(tokens) {
      const me = (await call(`${api}/v2/userinfo`, { headers: { ...bearer(tokens), accept: "application/json" } }))
        .json as { sub?: string; name?: string; picture?: string };
      if (!me?.sub)
        throw new SocialProviderError("linkedin", "unavailable", "LinkedIn did not say who is signed in: try again.");
      const accounts: SocialAccount[] = [
        {
          externalId: `urn:li:person:${me.sub}`,
          name: me.name ?? "LinkedIn member",
          type: "member",
          avatarUrl: me.picture,
        },
      ];
      const ids = new Set<string>();
      // Paged (start, count); a page shorter than asked is the last.
      for (let start = 0; ; start += ACL_PAGE) {
        const page = (
          await rest(
            tokens,
            `/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=${start}&count=${ACL_PAGE}`,
          )
        ).json as { elements?: OrganizationAcl[] };
        const elements = page?.elements ?? [];
        for (const acl of elements) {
          const id = (acl.organization ?? acl.organizationalTarget)?.split(":").at(-1);
          if (id) ids.add(id);
        }
        if (elements.length < ACL_PAGE || start >= 10 * ACL_PAGE) break;
      }
      for (const id of ids) {
        const org = (await rest(tokens, `/organizations/${encodeURIComponent(id)}`)).json as Organization;
        accounts.push({
          externalId: `urn:li:organization:${id}`,
          name: org?.localizedName ?? `Organization ${id}`,
          type: "organization",
          handle: org?.vanityName,
          avatarUrl: await logoUrl(tokens, org?.logoV2?.original),
        });
      }
      return accounts;
    },

    async findPublished(post, account, tokens): Promise<PublishedPost | null> {
      const q = new URLSearchParams({ author: account.externalId, q: "author", count: "20", sortBy: "LAST_MODIFIED" });
      const page = (await rest(tokens, `/posts?${q}`)).json as { elements?: { id?: string; commentary?: string }[] };
      const commentary = toLittleText(post.text);
      const found = (page?.elements ?? []).find((p) => p.commentary === commentary && typeof p.id === "string");
      return found?.id ? { externalId: found.id, url: postUrl(found.id) } : null;
    },

    async publish(post, account, tokens) {
      const images: string[] = [];
      // One at a time: LinkedIn throttles uploads per member, and a post needs all of them.
      for (const image of post.images) images.push(await uploadImage(tokens, account.externalId, image));
      const content =
        images.length === 1
          ? { media: { id: images[0] } }
          : images.length > 1
            ? { multiImage: { images: images.map((id) => ({ id })) } }
            : undefined;
      const res = await rest(tokens, "/posts", {
        method: "POST",
        body: JSON.stringify({
          author: account.externalId,
          commentary: toLittleText(post.text),
          visibility: "PUBLIC",
          distribution: { feedDistribution: "MAIN_FEED", targetEntities: [], thirdPartyDistributionChannels: [] },
          ...(content ? { content } : {}),
          lifecycleState: "PUBLISHED",
          isReshareDisabledByAuthor: false,
        }),
      });
      const urn = res.headers.get("x-restli-id");
      if (!urn)
        throw new SocialProviderError(
          "linkedin",
          "unavailable",
          "LinkedIn accepted the post without saying its id: check the page before publishing again.",
          { status: res.status },
        );
      return { externalId: urn, url: postUrl(urn) };
    },
  };
}
