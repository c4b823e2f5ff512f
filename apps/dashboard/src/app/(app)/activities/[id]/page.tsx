import { deliverableTypeLabel } from "@leadmetrics/catalog";
import { ActivityHistory, Alert, Card, DiffView, Field, PageHeader, StatusBadge } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { DraftView } from "@leadmetrics/ui/markdown";
import { flash, serverApi, unwrap, workspaceMetadata, workspaceTimeZone } from "@leadmetrics/ui/server";
import { SocialDraftView } from "@leadmetrics/ui/social-draft";
import { previewKindOf } from "@leadmetrics/ui/social-preview";
import { DecisionBar, selectVersions, VersionList } from "@leadmetrics/ui/versions";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { LiveDraftPanel } from "./live-draft-panel";
import { loadActivity } from "./load";
import { PublishingChoice } from "./publishing-choice";
import { ApproveWarning, PublishingState } from "./publishing-notice";

type Params = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ v?: string; against?: string }>;
};

export async function generateMetadata({ params }: Pick<Params, "params">) {
  const a = await loadActivity((await params).id);
  return workspaceMetadata(`${deliverableTypeLabel(a.type, { capitalized: true })}: ${a.title}`);
}

async function decide(formData: FormData) {
  "use server";
  const id = String(formData.get("id"));
  const action = String(formData.get("action"));
  const expectedVersion = Number(formData.get("version"));
  const api = await serverApi("dashboard");
  const res =
    action === "approve"
      ? await api.POST("/tenant/v1/activities/{id}/approve", { params: { path: { id } }, body: { expectedVersion } })
      : action === "retry"
        ? await api.POST("/tenant/v1/activities/{id}/retry-publish", {
            params: { path: { id } },
            body: { expectedVersion },
          })
        : await api.POST("/tenant/v1/activities/{id}/reject", {
            params: { path: { id } },
            body: { feedback: String(formData.get("feedback") ?? ""), expectedVersion },
          });
  if (res.error) {
    await flash("error", res.error.error.message);
    redirect(`/activities/${id}`);
  }
  if (action === "reject") await flash("success", "Sent back with your feedback: the agent is redrafting.");
  revalidatePath(`/activities/${id}`);
  redirect(`/activities/${id}`);
}

export default async function ActivityPage({ params, searchParams }: Params) {
  const { id } = await params;
  const query = await searchParams;
  const api = await serverApi("dashboard");
  const [a, timeZone] = await Promise.all([loadActivity(id), workspaceTimeZone()]);
  const social = a.publishTo.target === "social";
  // The choices only matter while it can still change; the media library only for a social post.
  const [channels, media] = await Promise.all([
    a.publishTo.target === "app" ? null : api.GET("/tenant/v1/channels").then((r) => unwrap("dashboard", r)),
    social
      ? api.GET("/tenant/v1/media", { params: { query: { pageSize: 24 } } }).then((r) => unwrap("dashboard", r))
      : null,
  ]);
  const previewKind = previewKindOf(a);
  const selection = selectVersions(a.versions, query);
  const { viewed, against } = selection;
  const path = `/activities/${a.id}`;
  const decision = (
    <>
      <input type="hidden" name="id" value={a.id} />
      <input type="hidden" name="version" value={a.version} />
    </>
  );
  const approveForm = (
    <form action={decide}>
      {decision}
      <SubmitButton name="action" value="approve" pendingLabel="Approving…">
        Approve and publish
      </SubmitButton>
    </form>
  );
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={
          <>
            {a.planName} · {deliverableTypeLabel(a.type)} · <StatusBadge status={a.status} />
          </>
        }
      />
      {/* Approving and retrying answer with the publishing state itself (below), which the page
          keeps current: a failure replaces "publishing…", never sits under a success banner. */}
      <PublishingState activity={a} />
      {a.lastError && a.status === "drafting" ? <Alert kind="error">Drafting is on hold: {a.lastError}</Alert> : null}
      {a.status === "waiting_for_credits" ? (
        <Alert kind="info">
          Waiting for credits{a.lastError ? `: ${a.lastError}` : ""}. Drafting starts again by itself once credits are
          added;{" "}
          <a className="underline" href="/credits">
            see your credits
          </a>
          .
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          {a.status === "drafting" || a.status === "planned" ? (
            <LiveDraftPanel activityId={a.id} type={a.type} />
          ) : null}
          {viewed && !selection.isCurrent ? (
            <Alert kind="info">
              You are viewing version {viewed.number}, an earlier one.{" "}
              <a className="font-medium underline" href={path}>
                Back to the current version
              </a>
              .
            </Alert>
          ) : null}
          {viewed && previewKind ? (
            <SocialDraftView
              heading={`Version ${viewed.number}${viewed.offline ? " · offline draft (not AI)" : ""} · ${a.status === "published" && selection.isCurrent ? "as published" : "as it will look"}`}
              version={viewed}
              kind={previewKind}
              account={
                a.publishTo.channel && {
                  name: a.publishTo.channel.name,
                  handle: a.publishTo.channel.accountHandle,
                  avatarUrl: a.publishTo.channel.avatarUrl,
                }
              }
              images={a.mediaIds.map((m, i) => ({ src: `/media/${m}`, alt: `Image ${i + 1} of the post` }))}
            />
          ) : viewed ? (
            <DraftView
              heading={`Version ${viewed.number}${viewed.offline ? " · offline draft (not AI)" : ""}`}
              version={viewed}
            />
          ) : a.status === "drafting" || a.status === "planned" ? null : (
            <Card>The first draft is being written.</Card>
          )}
          {viewed && against ? (
            <Card title={`Changes since version ${against.number}`}>
              <DiffView
                before={against.body}
                after={viewed.body}
                beforeLabel={`Version ${against.number}`}
                afterLabel={`Version ${viewed.number}`}
              />
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {channels ? <PublishingChoice activity={a} channels={channels.items} media={media?.items ?? []} /> : null}
          {a.status === "client_review" ? (
            <Card title="Your review">
              <ApproveWarning publishTo={a.publishTo} />
              {approveForm}
              <form action={decide} id="feedback" className="mt-6 border-t border-slate-200 pt-4">
                {decision}
                <input type="hidden" name="action" value="reject" />
                <Field label="What should change?" name="feedback" multiline required />
                <SubmitButton variant="secondary" pendingLabel="Sending…">
                  Request changes
                </SubmitButton>
              </form>
            </Card>
          ) : null}
          {a.status === "publish_failed" ? (
            <Card title="Publishing">
              <form action={decide}>
                {decision}
                {a.publishTo.target === "wordpress" ? (
                  <p className="mb-3 text-sm text-slate-600">
                    Fixed the site or reconnected it in{" "}
                    <a className="text-indigo-700 underline" href="/channels">
                      Channels
                    </a>
                    ? Publish again:
                  </p>
                ) : null}
                <SubmitButton name="action" value="retry" pendingLabel="Retrying…">
                  Retry publishing
                </SubmitButton>
              </form>
            </Card>
          ) : null}
          <VersionList versions={a.versions} selection={selection} path={path} timeZone={timeZone} />
          <ActivityHistory events={a.events} type={a.type} timeZone={timeZone} />
        </div>
      </div>
      {a.status === "client_review" ? <DecisionBar label="Your review" approve={approveForm} /> : null}
    </>
  );
}
