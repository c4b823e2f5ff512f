import { createHash, randomBytes } from "node:crypto";
import { ProviderError } from "./provider-error";

/**
 * The one shape every social network's client has: OAuth 2.0 connect and refresh, the accounts
 * (pages, organisations, business accounts, locations) a person may publish as, and publishing.
 * The platform (connect flow, token refresh, the publisher) speaks only this interface.
 */

/** Where a provider lives: the network's own hosts by default, a local server in dev and tests. */
export interface SocialProviderConfig {
  clientId: string;
  clientSecret: string;
  /** Where the network sends the browser back after consent (the Dashboard's callback page). */
  redirectUri: string;
  /**
   * One origin that replaces every host of the network (auth, token and API hosts alike), e.g.
   * `http://127.0.0.1:4010/linkedin`: a local server speaking the wire format. Unset in production.
   */
  baseUrl?: string;
  /** The platform's guarded fetch (createOutboundFetch) or the global one. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface OAuthTokenSet {
  accessToken: string;
  refreshToken?: string;
  /** When the access token stops working; undefined when the network did not say. */
  expiresAt?: Date;
  /** When the refresh token stops working (LinkedIn), if the network said. */
  refreshExpiresAt?: Date;
  scopes: string[];
}

/** One account a person may publish as, from the network's own listing. */
export interface SocialAccount {
  /** The network's id for it: `urn:li:organization:123`, a Page id, `accounts/1/locations/2`, a user id. */
  externalId: string;
  name: string;
  /** What it is, in the network's words: "organization", "member", "page", "business account", "location", "user". */
  type: string;
  avatarUrl?: string;
  /** X and Instagram handles; shown next to the name and used in post URLs. */
  handle?: string;
  /**
   * A token of the account's own (a Facebook Page's page access token, which Instagram business
   * accounts publish with too). Sealed with the user's tokens; never shown.
   */
  accountToken?: string;
}

export interface SocialImage {
  /** The image already converted to the network's rules (format, size, aspect ratio). */
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
  /**
   * A short-lived public address of the same bytes, for networks that fetch images themselves
   * (Instagram, Google Business Profile, Facebook photos by url).
   */
  publicUrl: string;
}

export interface SocialPostInput {
  text: string;
  /** A link the post points at (Google Business Profile's "Learn more" button; a preview elsewhere). */
  link?: string;
  images: SocialImage[];
}

export interface PublishedPost {
  /** The network's id for the post: stored before the job is acknowledged, so a retry never posts twice. */
  externalId: string;
  /** Where a person sees it. */
  url: string;
}

export interface SocialProvider {
  readonly kind: string;
  /** Whether the authorize URL carries a PKCE challenge (S256) and the code exchange its verifier. */
  readonly usesPkce: boolean;
  /** The network's consent page for this state (and PKCE challenge). */
  authorizeUrl(input: { state: string; codeChallenge?: string }): string;
  /** Trades the callback's code for tokens (Meta: for a long-lived token). */
  exchangeCode(input: { code: string; codeVerifier?: string }): Promise<OAuthTokenSet>;
  /**
   * A fresh token set before (or after) the old one expires. Throws a SocialProviderError of kind
   * `reauth_required` when the grant is gone: only the person can reconnect.
   */
  refresh(tokens: OAuthTokenSet): Promise<OAuthTokenSet>;
  /** The accounts these tokens may publish as. */
  listAccounts(tokens: OAuthTokenSet): Promise<SocialAccount[]>;
  /**
   * A post of this account whose text is exactly `post.text`, made in the last days: how a retry
   * after a crash finds the post it already made on a network that takes no idempotency key.
   */
  findPublished(post: SocialPostInput, account: SocialAccount, tokens: OAuthTokenSet): Promise<PublishedPost | null>;
  publish(post: SocialPostInput, account: SocialAccount, tokens: OAuthTokenSet): Promise<PublishedPost>;
}

/**
 * What went wrong, as the platform acts on it:
 * - `auth_expired`: the access token was refused (401): refresh once and try again;
 * - `reauth_required`: the refresh itself was refused (revoked, expired grant): the channel needs reconnecting;
 * - `rate_limited`, `unavailable`: try later (backoff; `retryAfterMs` when the network said);
 * - `rejected`: the network refused this post (duplicate, policy, permission, bad media): fails for good;
 * - `bad_request`: our request was wrong (a bug or a stale account id): fails for good.
 */
export type SocialFailureKind =
  | "auth_expired"
  | "reauth_required"
  | "rate_limited"
  | "unavailable"
  | "rejected"
  | "bad_request";

const RETRYABLE: Record<SocialFailureKind, boolean> = {
  auth_expired: true,
  reauth_required: false,
  rate_limited: true,
  unavailable: true,
  rejected: false,
  bad_request: false,
};

/**
 * A network's failure. `message` is the sentence shown to the client: it names the network and,
 * for a rejection, the network's own reason in plain words, and says what to do next. Raw bodies
 * and statuses stay in `detail`, for logs.
 */
export class SocialProviderError extends ProviderError {
  readonly permanent: boolean;
  readonly detail?: string;

  constructor(
    readonly network: string,
    readonly kind: SocialFailureKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; detail?: string; cause?: unknown } = {},
  ) {
    super(message, RETRYABLE[kind], options.status, options);
    this.name = "SocialProviderError";
    this.permanent = !RETRYABLE[kind];
    this.detail = options.detail;
  }
}

export const isSocialProviderError = (err: unknown): err is SocialProviderError => err instanceof SocialProviderError;

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}
