import { type HttpResult, type SocialNetwork, SocialProviderError } from "@leadmetrics/provider-core";

export const NETWORK = "google_business";
export const LABEL = "Google Business Profile";

/** Google's API error body: `{error:{code,message,status,details}}`. */
interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { "@type"?: string; errorDetails?: { message?: string; field?: string }[] }[];
  };
}

const errorOf = (body: unknown) => {
  const error = (body as GoogleErrorBody | undefined)?.error;
  return error && typeof error === "object" ? error : undefined;
};

/** The reason Google gives: Business Profile's validation details where present, else the message. */
function reasonOf(body: unknown): string | undefined {
  const error = errorOf(body);
  const details = (error?.details ?? []).flatMap((d) => d.errorDetails ?? []).map((d) => d.message);
  const words = details.filter(Boolean).join("; ") || error?.message;
  return words?.replace(/\.$/, "");
}

/** How Google's answers read; statuses decide, except where only Google's `status` word tells. */
export const GOOGLE_BUSINESS: SocialNetwork = {
  kind: NETWORK,
  label: LABEL,
  classify(res: HttpResult) {
    const error = errorOf(res.json);
    const options = { status: res.status, detail: `HTTP ${res.status} ${res.text.slice(0, 2000)}` };
    // Quota exhaustion can come as 403 (daily quota), not only 429.
    if (error?.status === "RESOURCE_EXHAUSTED" && res.status !== 429)
      return new SocialProviderError(
        NETWORK,
        "rate_limited",
        `${LABEL} is limiting how often this account may post: publishing is retried later.`,
        options,
      );
    if (error?.status === "NOT_FOUND")
      return new SocialProviderError(
        NETWORK,
        "bad_request",
        `${LABEL} no longer finds this location (deleted, or access to it was removed): reconnect the channel in Channels.`,
        options,
      );
    return undefined;
  },
  describeRejection(status, body) {
    const reason = reasonOf(body) ?? `HTTP ${status}`;
    if (errorOf(body)?.status === "PERMISSION_DENIED" || status === 403)
      return `${LABEL} refused (${reason}): check that the connected Google account still manages this location, then reconnect in Channels.`;
    return `${LABEL} refused the post: ${reason}. Change the post, then retry publishing.`;
  },
};
