import {
  type HttpResult,
  refusalMessage,
  type SocialCallPurpose,
  SocialProviderError,
  transientFailure,
} from "@leadmetrics/provider-core";

export const NETWORK = "google_business";
export const LABEL = "Google Business Profile";

/**
 * Google's API error body (`{error:{code,message,status,details}}`); the token endpoint answers
 * OAuth's own `{error:"invalid_grant", error_description}` instead.
 */
interface GoogleErrorBody {
  error?:
    | string
    | {
        code?: number;
        message?: string;
        status?: string;
        details?: { "@type"?: string; errorDetails?: { message?: string; field?: string }[] }[];
      };
  error_description?: string;
}

/** The reasons Google gives: Business Profile's validation details where present, else the message. */
function reasonOf(body: GoogleErrorBody): string {
  const details = typeof body.error === "object" ? (body.error.details ?? []).flatMap((d) => d.errorDetails ?? []) : [];
  const words =
    typeof body.error === "string"
      ? (body.error_description ?? body.error)
      : details
          .map((d) => d.message)
          .filter(Boolean)
          .join("; ") ||
        body.error?.message ||
        "no reason given";
  return words.replace(/\.$/, "");
}

/** A Google answer that is not a success, as the platform acts on it. */
export function googleFailure(res: HttpResult, purpose: SocialCallPurpose): SocialProviderError {
  const body = (res.json ?? {}) as GoogleErrorBody;
  const status = res.status;
  const detail = `HTTP ${status} ${res.text.slice(0, 2000)}`;
  const oauthError = typeof body.error === "string" ? body.error : undefined;
  const apiStatus = typeof body.error === "object" ? body.error.status : undefined;
  const reason = reasonOf(body);
  // Throttling and outages first: the token endpoint's 5xx is worth a retry, never a reconnect.
  const transient = transientFailure(NETWORK, LABEL, res);
  if (transient) return transient;
  if (purpose === "refresh" && (oauthError === "invalid_grant" || status === 401 || oauthError === "invalid_client"))
    return new SocialProviderError(
      NETWORK,
      "reauth_required",
      `${LABEL} ended the connection (${reason}): reconnect the channel in Channels.`,
      { status, detail },
    );
  if (oauthError)
    return new SocialProviderError(
      NETWORK,
      oauthError === "invalid_grant" ? "rejected" : "bad_request",
      refusalMessage("Google", reason, "connect"),
      { status, detail },
    );
  if (apiStatus === "UNAUTHENTICATED" || status === 401)
    return new SocialProviderError(NETWORK, "auth_expired", `${LABEL} no longer accepts the connection's token.`, {
      status,
      detail,
    });
  if (apiStatus === "RESOURCE_EXHAUSTED" && status !== 429)
    return new SocialProviderError(
      NETWORK,
      "rate_limited",
      `${LABEL} is limiting requests: publishing retries later.`,
      {
        status,
        detail,
      },
    );
  if (apiStatus === "PERMISSION_DENIED")
    return new SocialProviderError(
      NETWORK,
      "rejected",
      `${LABEL} refused (${reason}): check that the connected Google account still manages this location, then reconnect in Channels.`,
      { status, detail },
    );
  if (apiStatus === "NOT_FOUND")
    return new SocialProviderError(
      NETWORK,
      "bad_request",
      `${LABEL} no longer finds this location (deleted, or access to it was removed): reconnect the channel in Channels.`,
      { status, detail },
    );
  return new SocialProviderError(NETWORK, "rejected", refusalMessage(LABEL, reason, purpose), { status, detail });
}
