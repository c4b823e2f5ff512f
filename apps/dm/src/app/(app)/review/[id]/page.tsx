import { deliverableTypeLabel } from "@leadmetrics/catalog";
import { ActivityHistory, Alert, Button, Card, DiffView, Field, PageHeader, StatusBadge } from "@leadmetrics/ui";
import { DraftView } from "@leadmetrics/ui/markdown";
import { MarkdownEditor } from "@leadmetrics/ui/markdown-editor";
import { serverApi } from "@leadmetrics/ui/server";
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
  if (res.error) redirect(`/review/${id}?error=${encodeURIComponent(res.error.error.message)}`);
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
  searchParams: Promise<{ error?: string; after?: string; prev?: string }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const { error, prev } = query;
  const after = outcomeOf(query.after);
  const a = await loadActivity(id);
  const [current, previous] = a.versions;
  const hidden = (
    <>
      <input type="hidden" name="id" value={a.id} />
      <input type="hidden" name="version" value={a.version} />
    </>
  );
  const reviewable = a.status === "dm_review";
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={
          <>
            {a.tenantName} · {deliverableTypeLabel(a.type)} · <StatusBadge status={a.status} /> · rejected{" "}
            {a.dmRejectionCount}×
          </>
        }
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
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
          {current ? (
            <DraftView
              heading={`Draft · version ${current.number}${current.offline ? " · offline adapter (not AI)" : ""}`}
              version={current}
            />
          ) : (
            <Card>No draft yet.</Card>
          )}
          {current && previous ? (
            <Card title="Compared with the previous version">
              <DiffView
                before={previous.body}
                after={current.body}
                beforeLabel={`Version ${previous.number}`}
                afterLabel={`Version ${current.number}`}
              />
            </Card>
          ) : null}
          {current && (reviewable || a.status === "needs_attention") ? (
            <Card title="Edit and approve (no AI run)">
              <form action={review}>
                {hidden}
                <input type="hidden" name="action" value="edit" />
                <Field label="Title" name="title" defaultValue={current.title} required />
                <MarkdownEditor name="body" label="Body (markdown)" defaultValue={current.body} />
                <Button>Save my edit and approve</Button>
              </form>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {reviewable ? (
            <Card title="Decision">
              <form action={review}>
                {hidden}
                <Button name="action" value="approve">
                  Approve for the client
                </Button>
              </form>
              <form action={review} className="mt-6 border-t border-slate-200 pt-4">
                {hidden}
                <input type="hidden" name="action" value="reject" />
                <Field
                  label="Feedback for the agent"
                  name="feedback"
                  multiline
                  required
                  hint="Required. The agent redrafts with it; after 3 rejections the draft comes back to a person."
                />
                <Button variant="danger">Reject with feedback</Button>
              </form>
            </Card>
          ) : null}
          {a.status === "needs_attention" ? (
            <Card title="Send back to the agent">
              <form action={review}>
                {hidden}
                <input type="hidden" name="action" value="retry" />
                <Field label="New guidance (optional)" name="feedback" multiline />
                <Button variant="secondary">Redraft</Button>
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
          <ActivityHistory events={a.events} type={a.type} workspaceName={a.tenantName} />
        </div>
      </div>
    </>
  );
}
