import { deliverableTypeLabel } from "@leadmetrics/catalog";
import { ActivityHistory, Alert, Card, DiffView, Field, PageHeader, StatusBadge } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { DraftView } from "@leadmetrics/ui/markdown";
import { MarkdownEditor } from "@leadmetrics/ui/markdown-editor";
import { flash, serverApi } from "@leadmetrics/ui/server";
import { SocialDraftView } from "@leadmetrics/ui/social-draft";
import { SocialPostEditor } from "@leadmetrics/ui/social-post-editor";
import { previewKindOf } from "@leadmetrics/ui/social-preview";
import { DecisionBar, selectVersions, VersionList } from "@leadmetrics/ui/versions";
import { redirect } from "next/navigation";
import { OUTCOMES, outcomeOf } from "../../outcomes";
import { loadActivity } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const a = await loadActivity((await params).id);
  return { title: `${deliverableTypeLabel(a.type, { capitalized: true })}: ${a.title} — ${a.tenantName}` };
}

async function review(formData: FormData) {
  "use server";
  const id = String(formData.get("id"));
  const action = String(formData.get("action"));
  const expectedVersion = Number(formData.get("version"));
  const api = await serverApi("dm");
  const path = { params: { path: { id } } };
  const res =
    action === "approve"
      ? await api.POST("/dm/v1/activities/{id}/approve", { ...path, body: { expectedVersion } })
      : action === "edit"
        ? await api.POST("/dm/v1/activities/{id}/edit-approve", {
            ...path,
            body: {
              title: String(formData.get("title") ?? ""),
              body: String(formData.get("body") ?? ""),
              expectedVersion,
            },
          })
        : action === "retry"
          ? await api.POST("/dm/v1/activities/{id}/retry", {
              ...path,
              body: {
                expectedVersion,
                ...(formData.get("feedback") ? { feedback: String(formData.get("feedback")) } : {}),
              },
            })
          : await api.POST("/dm/v1/activities/{id}/reject", {
              ...path,
              body: { feedback: String(formData.get("feedback") ?? ""), expectedVersion },
            });
  if (res.error) {
    await flash("error", res.error.error.message);
    redirect(`/review/${id}`);
  }
  if (action === "retry") redirect(`/needs-attention?after=retry`);
  // Straight on to the next draft (oldest first), so a reviewer works through the queue without going back to it.
  const queue = await api.GET("/dm/v1/review-queue", { params: { query: { pageSize: 2 } } });
  const next = queue.data?.items.find((item) => item.id !== id);
  redirect(next ? `/review/${next.id}?after=${action}&prev=${id}` : `/review?after=${action}`);
}

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ after?: string; prev?: string; v?: string; against?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const { prev } = query;
  const after = outcomeOf(query.after);
  const a = await loadActivity(id);
  const selection = selectVersions(a.versions, query);
  const { viewed, against, current } = selection;
  const editable = current && (a.status === "dm_review" || a.status === "needs_attention");
  // Viewing an older version, a reviewer can restore it: its text goes into the editor below.
  const editFrom = editable && viewed && !selection.isCurrent ? viewed : current;
  const path = `/review/${a.id}`;
  const hidden = (
    <>
      <input type="hidden" name="id" value={a.id} />
      <input type="hidden" name="version" value={a.version} />
    </>
  );
  const reviewable = a.status === "dm_review";
  // A social post is reviewed as its network will show it, and edited against its limits.
  const previewKind = previewKindOf(a);
  const account = a.publishTo.channel && {
    name: a.publishTo.channel.name,
    handle: a.publishTo.channel.accountHandle,
    avatarUrl: a.publishTo.channel.avatarUrl,
  };
  const approveForm = (
    <form action={review}>
      {hidden}
      <SubmitButton name="action" value="approve" pendingLabel="Approving…">
        Approve for the client
      </SubmitButton>
    </form>
  );
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={
          <>
            {a.tenantName} · {deliverableTypeLabel(a.type)} · <StatusBadge status={a.status} audience="reviewer" /> ·
            rejected {a.dmRejectionCount}×
          </>
        }
      />
      {after ? (
        <Alert kind="success">
          {OUTCOMES[after]} This is the next draft in the queue.{" "}
          {prev ? (
            <a className="font-medium underline" href={`/review/${prev}`}>
              Back to the previous one
            </a>
          ) : null}
        </Alert>
      ) : null}
      {a.status === "waiting_for_credits" ? (
        <Alert kind="info">
          Waiting for the client's credits{a.lastError ? `: ${a.lastError}` : ""}. It resumes by itself when credits are
          granted.
        </Alert>
      ) : a.lastError ? (
        <Alert kind="error">Last error: {a.lastError}</Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          {viewed && !selection.isCurrent ? (
            <Alert kind="info">
              You are viewing version {viewed.number}, not the current one.{" "}
              <a className="font-medium underline" href={path}>
                Back to the current version
              </a>
              {editable ? (
                <>
                  {" "}
                  or{" "}
                  <a className="font-medium underline" href="#edit">
                    restore it in the editor
                  </a>
                </>
              ) : null}
              .
            </Alert>
          ) : null}
          {viewed && previewKind ? (
            <SocialDraftView
              heading={`Draft · version ${viewed.number}${viewed.offline ? " · offline adapter (not AI)" : ""} · as it will look`}
              version={viewed}
              kind={previewKind}
              account={account}
              images={a.mediaIds.map((m, i) => ({ src: `${path}/media/${m}`, alt: `Image ${i + 1} of the post` }))}
            />
          ) : viewed ? (
            <DraftView
              heading={`Draft · version ${viewed.number}${viewed.offline ? " · offline adapter (not AI)" : ""}`}
              version={viewed}
            />
          ) : (
            <Card>No draft yet.</Card>
          )}
          {viewed && against ? (
            <Card title={`Compared with version ${against.number}`}>
              <DiffView
                before={against.body}
                after={viewed.body}
                beforeLabel={`Version ${against.number}`}
                afterLabel={`Version ${viewed.number}`}
              />
            </Card>
          ) : null}
          {editable && editFrom ? (
            <Card title={editFrom === current ? "Edit and approve (no AI run)" : `Restore version ${editFrom.number}`}>
              <form action={review} id="edit">
                {hidden}
                <input type="hidden" name="action" value="edit" />
                {editFrom !== current ? (
                  <p className="mb-3 text-sm text-slate-600">
                    Version {editFrom.number}'s text is in the editor. Saving makes it a new version and approves it for
                    the client.
                  </p>
                ) : null}
                <Field label="Title" name="title" defaultValue={editFrom.title} required />
                {previewKind ? (
                  <SocialPostEditor
                    name="body"
                    label="Post text"
                    kind={previewKind}
                    defaultValue={editFrom.body}
                    imageCount={a.mediaIds.length}
                  />
                ) : (
                  <MarkdownEditor name="body" label="Body (markdown)" defaultValue={editFrom.body} />
                )}
                <SubmitButton pendingLabel="Saving…">
                  {editFrom === current ? "Save my edit and approve" : `Restore version ${editFrom.number} and approve`}
                </SubmitButton>
              </form>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {reviewable ? (
            <Card title="Decision">
              {approveForm}
              <form action={review} id="feedback" className="mt-6 border-t border-slate-200 pt-4">
                {hidden}
                <input type="hidden" name="action" value="reject" />
                <Field
                  label="Feedback for the agent"
                  name="feedback"
                  multiline
                  required
                  hint="Required. The agent redrafts with it; after 3 rejections the draft comes back to a person."
                />
                <SubmitButton variant="danger" pendingLabel="Sending…">
                  Reject with feedback
                </SubmitButton>
              </form>
            </Card>
          ) : null}
          {a.status === "needs_attention" ? (
            <Card title="Send back to the agent">
              <form action={review}>
                {hidden}
                <input type="hidden" name="action" value="retry" />
                <Field label="New guidance (optional)" name="feedback" multiline />
                <SubmitButton variant="secondary" pendingLabel="Sending…">
                  Redraft
                </SubmitButton>
              </form>
            </Card>
          ) : null}
          <Card title="Brief">
            <dl className="space-y-1 text-sm">
              <div>
                <dt className="inline font-medium">Keyword: </dt>
                <dd className="inline">{a.keyword ?? "—"}</dd>
              </div>
              <div>
                <dt className="inline font-medium">Format: </dt>
                <dd className="inline">{a.format ?? "—"}</dd>
              </div>
              <div>
                <dt className="inline font-medium">Plan: </dt>
                <dd className="inline">{a.planName}</dd>
              </div>
            </dl>
          </Card>
          <Card title={`Client context${a.clientContext ? ` · v${a.clientContext.version}` : ""}`}>
            {a.clientContext ? (
              <dl className="space-y-2 text-sm">
                <div>
                  <dt className="font-medium">Brand voice</dt>
                  <dd>{a.clientContext.brandVoice}</dd>
                </div>
                <div>
                  <dt className="font-medium">Audience</dt>
                  <dd>{a.clientContext.audience}</dd>
                </div>
                <div>
                  <dt className="font-medium">Products</dt>
                  <dd>{a.clientContext.products}</dd>
                </div>
              </dl>
            ) : (
              <p className="text-sm text-slate-600">The client has not written one yet.</p>
            )}
          </Card>
          <VersionList
            timeZone={a.tenantTimezone}
            versions={a.versions}
            selection={selection}
            path={path}
            olderAction={
              editable
                ? (v) => (
                    <a className="text-xs text-indigo-700 underline" href={`${path}?v=${v.number}#edit`}>
                      Restore this version
                    </a>
                  )
                : undefined
            }
          />
          <ActivityHistory events={a.events} type={a.type} workspaceName={a.tenantName} timeZone={a.tenantTimezone} />
        </div>
      </div>
      {reviewable ? <DecisionBar label="Decision" approve={approveForm} /> : null}
    </>
  );
}
