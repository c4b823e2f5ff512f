import type { components, paths } from "@leadmetrics/api-client";
import { channelKindLabel } from "@leadmetrics/catalog";
import { Alert, Spinner } from "@leadmetrics/ui";

type Activity = paths["/tenant/v1/activities/{id}"]["get"]["responses"][200]["content"]["application/json"];
type PublishTo = components["schemas"]["PublishTo"];

const channelsLink = (text = "Open Channels") => (
  <a className="font-medium underline" href="/channels">
    {text}
  </a>
);

const hostOf = (siteUrl: string) => {
  try {
    return new URL(siteUrl).host;
  } catch {
    return siteUrl;
  }
};

/**
 * Before "Approve and publish": a warning when the channel it would go to is missing or needs
 * attention. Approving stays possible (the client may fix the channel afterwards and retry).
 */
export function ApproveWarning({ publishTo }: { publishTo: PublishTo }) {
  if (publishTo.target === "app") return null;
  const c = publishTo.channel;
  if (publishTo.target === "social" && !c)
    return (
      <Alert kind="warning">
        No social account is connected for this post, so it cannot be published yet.{" "}
        {channelsLink("Connect one in Channels")}, then approve (or approve now and retry publishing later).
      </Alert>
    );
  if (c?.health === "needs_reconnect")
    return (
      <Alert kind="warning">
        <strong className="font-semibold">{c.name} needs reconnecting</strong>: {channelKindLabel(c.kind)} stopped
        accepting Leadmetrics, so publishing there will fail until it is reconnected.{" "}
        {channelsLink("Reconnect it in Channels")}
      </Alert>
    );
  if (!c)
    return (
      <Alert kind="warning">
        No WordPress site is connected, so this post cannot be published yet. {channelsLink("Connect one in Channels")},
        then approve (or approve now and retry publishing later).
      </Alert>
    );
  if (c.health === "needs_attention")
    return (
      <Alert kind="warning">
        <strong className="font-semibold">{c.name} needs attention</strong>, so publishing will likely fail until it is
        fixed. {c.lastError ?? ""} {channelsLink()}
      </Alert>
    );
  return null;
}

/**
 * Where publishing stands, replacing any earlier banner: in progress (the page refreshes by itself
 * when the status changes), published, or failed with the reason in plain words and the way to fix it.
 */
export function PublishingState({ activity }: { activity: Activity }) {
  const { status, publishTo } = activity;
  const c = publishTo.channel;
  const where = c ? `${c.name} (${c.siteUrl ? hostOf(c.siteUrl) : channelKindLabel(c.kind)})` : null;
  if (status === "client_approved" || status === "publishing")
    return (
      <Alert kind="info">
        <span className="flex items-center gap-2" data-testid="publishing-state">
          <Spinner />
          {where ? `Approved: publishing to ${where}…` : "Approved: publishing…"}
        </span>
      </Alert>
    );
  if (status === "published")
    return activity.publishedUrl ? (
      <Alert kind="success">
        Published at{" "}
        <a className="break-all underline" href={activity.publishedUrl}>
          {activity.publishedUrl}
        </a>
      </Alert>
    ) : (
      <Alert kind="success">Approved and delivered: it is here in the app.</Alert>
    );
  if (status === "publish_failed")
    return (
      <Alert kind="error">
        <span data-testid="publish-failure">
          Publishing failed. {activity.lastError ?? "The reason was not recorded."}{" "}
          {publishTo.target === "wordpress" ? channelsLink() : null}
        </span>
      </Alert>
    );
  return null;
}
