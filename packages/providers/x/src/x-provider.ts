import {
  bearer,
  callSocial,
  type OAuthTokenSet,
  type PublishedPost,
  requestTokens,
  type SocialImage,
  type SocialNetwork,
  type SocialProvider,
  type SocialProviderConfig,
  SocialProviderError,
} from "@leadmetrics/provider-core";

/** offline.access is what makes X issue a refresh token; media.write is the v2 media upload. */
export const X_SCOPES = ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"] as const;

/** X's error bodies: problem JSON (`{ title, detail, type, status }`) or `{ errors: [{ message }] }`. */
function xReason(body: unknown): string | undefined {
  const b = body as { detail?: unknown; errors?: { message?: unknown }[]; error_description?: unknown } | undefined;
  const reason = b?.detail ?? b?.errors?.[0]?.message ?? b?.error_description;
  return typeof reason === "string" && reason.trim() ? reason.trim() : undefined;
}

const X: SocialNetwork = {
  kind: "x",
  label: "X",
  describeRejection(status, body) {
    const reason = xReason(body);
    if (reason && /duplicate content/i.test(reason))
      return "X refused the post as a duplicate of one already published: change the text, then retry publishing.";
    if (status === 403)
      return `X does not allow this post${reason ? ` (“${reason}”)` : ""}: check the account on X (suspended, locked or restricted) and the text, then retry publishing.`;
    return `X refused the post${reason ? `: “${reason}”` : ` (HTTP ${status})`}. Change the post as it says, then retry publishing.`;
  },
  // X says when the window resets (epoch seconds), not how long to wait.
  retryAfterMs(headers) {
    const reset = Number(headers.get("x-rate-limit-reset"));
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
  },
};

interface Tweet {
  id?: string;
  text?: string;
  entities?: { urls?: { url?: string; expanded_url?: string; media_key?: string }[] };
}

/**
 * A tweet's text as it was written: X answers it HTML-escaped, with links shortened to t.co and
 * a t.co link to each attached photo appended.
 */
export function tweetTextAsWritten(tweet: Tweet): string {
  let text = tweet.text ?? "";
  for (const link of tweet.entities?.urls ?? []) {
    if (!link.url) continue;
    text = link.media_key
      ? text.replace(` ${link.url}`, "").replace(link.url, "")
      : text.replace(link.url, link.expanded_url ?? link.url);
  }
  return text.replace(/&(amp|lt|gt);/g, (_m, e: string) => (e === "amp" ? "&" : e === "lt" ? "<" : ">"));
}

export function createXProvider(config: SocialProviderConfig): SocialProvider {
  const web = config.baseUrl?.replace(/\/+$/, "") ?? "https://x.com";
  const api = config.baseUrl?.replace(/\/+$/, "") ?? "https://api.x.com";
  const call = (tokens: OAuthTokenSet, path: string, init: RequestInit = {}) =>
    callSocial(config, X, `${api}${path}`, {
      ...init,
      headers: {
        ...bearer(tokens),
        accept: "application/json",
        ...(typeof init.body === "string" ? { "content-type": "application/json" } : {}),
      },
    });
  const postUrl = (handle: string | undefined, id: string) => `${web}/${handle ?? "i/web"}/status/${id}`;

  async function uploadImage(tokens: OAuthTokenSet, image: SocialImage): Promise<string> {
    const form = new FormData();
    form.append("media", new Blob([image.bytes], { type: image.contentType }), "image");
    form.append("media_category", "tweet_image");
    form.append("media_type", image.contentType);
    const res = await call(tokens, "/2/media/upload", { method: "POST", body: form });
    const id = (res.json as { data?: { id?: unknown } } | undefined)?.data?.id;
    if (typeof id !== "string")
      throw new SocialProviderError("x", "unavailable", "X did not say the uploaded image's id: try again.", {
        detail: res.text.slice(0, 2000),
      });
    return id;
  }

  return {
    kind: "x",
    usesPkce: true,

    authorizeUrl({ state, codeChallenge }) {
      if (!codeChallenge) throw new Error("X needs a PKCE code challenge (pkcePair())");
      const q = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        scope: X_SCOPES.join(" "),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: "S256",
      });
      return `${web}/i/oauth2/authorize?${q}`;
    },

    exchangeCode({ code, codeVerifier }) {
      return requestTokens(config, X, {
        url: `${api}/2/oauth2/token`,
        clientAuth: "basic",
        form: {
          grant_type: "authorization_code",
          code,
          redirect_uri: config.redirectUri,
          code_verifier: codeVerifier ?? "",
        },
      });
    },

    /** X rotates refresh tokens: the answer's replaces the old one, which stops working. */
    refresh(tokens) {
      if (!tokens.refreshToken)
        return Promise.reject(
          new SocialProviderError(
            "x",
            "reauth_required",
            "X gave this connection no refresh token: reconnect the channel in Channels.",
          ),
        );
      return requestTokens(config, X, {
        url: `${api}/2/oauth2/token`,
        clientAuth: "basic",
        form: { grant_type: "refresh_token", refresh_token: tokens.refreshToken },
        previous: tokens,
      });
    },

    async listAccounts(tokens) {
      const me = (await call(tokens, "/2/users/me?user.fields=profile_image_url,username")).json as {
        data?: { id?: string; name?: string; username?: string; profile_image_url?: string };
      };
      if (!me?.data?.id)
        throw new SocialProviderError("x", "unavailable", "X did not say who is signed in: try again.");
      return [
        {
          externalId: me.data.id,
          name: me.data.name ?? me.data.username ?? "X account",
          type: "user",
          handle: me.data.username,
          avatarUrl: me.data.profile_image_url,
        },
      ];
    },

    async findPublished(post, account, tokens): Promise<PublishedPost | null> {
      const q = new URLSearchParams({ max_results: "20", exclude: "replies,retweets", "tweet.fields": "entities" });
      const page = (await call(tokens, `/2/users/${encodeURIComponent(account.externalId)}/tweets?${q}`)).json as {
        data?: Tweet[];
      };
      const found = (page?.data ?? []).find((t) => typeof t.id === "string" && tweetTextAsWritten(t) === post.text);
      return found?.id ? { externalId: found.id, url: postUrl(account.handle, found.id) } : null;
    },

    async publish(post, account, tokens) {
      const mediaIds: string[] = [];
      for (const image of post.images) mediaIds.push(await uploadImage(tokens, image));
      const res = await call(tokens, "/2/tweets", {
        method: "POST",
        body: JSON.stringify({ text: post.text, ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}) }),
      });
      const id = (res.json as { data?: { id?: unknown } } | undefined)?.data?.id;
      if (typeof id !== "string")
        throw new SocialProviderError(
          "x",
          "unavailable",
          "X accepted the post without saying its id: check the account before publishing again.",
          { status: res.status, detail: res.text.slice(0, 2000) },
        );
      return { externalId: id, url: postUrl(account.handle, id) };
    },
  };
}
