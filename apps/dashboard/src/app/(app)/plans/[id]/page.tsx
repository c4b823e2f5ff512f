import { deliverableTypeLabel } from "@leadmetrics/catalog";
import { Alert, Button, Card, Field, PageHeader, StatusBadge } from "@leadmetrics/ui";
import { serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import { loadPlan } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return workspaceMetadata(`Plan: ${(await loadPlan((await params).id)).name}`);
}

async function move(formData: FormData) {
  "use server";
  const id = String(formData.get("id"));
  const action = String(formData.get("action")) as "submit" | "approve" | "reject";
  const api = await serverApi("dashboard");
  const path = { params: { path: { id } } };
  const res =
    action === "submit"
      ? await api.POST("/tenant/v1/plans/{id}/submit", path)
      : action === "approve"
        ? await api.POST("/tenant/v1/plans/{id}/approve", {
            ...path,
            body: { acceptShortfall: formData.get("acceptShortfall") === "on" },
          })
        : await api.POST("/tenant/v1/plans/{id}/reject", {
            ...path,
            body: { reason: String(formData.get("reason") ?? "") },
          });
  if (res.error) redirect(`/plans/${id}?error=${encodeURIComponent(res.error.error.message)}`);
  redirect(action === "approve" ? `/activities?plan=${id}` : `/plans/${id}`);
}

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { id } = await params;
  const { error } = await searchParams;
  const api = await serverApi("dashboard");
  const [plan, credits] = await Promise.all([
    loadPlan(id),
    api.GET("/tenant/v1/credits", { params: { query: { pageSize: 1 } } }).then((r) => unwrap("dashboard", r)),
  ]);
  const estimate = plan.creditEstimate;
  const short = estimate.total > credits.available;
  const hidden = <input type="hidden" name="id" value={plan.id} />;
  return (
    <>
      <PageHeader
        title={plan.name}
        subtitle={
          <>
            <StatusBadge status={plan.status} /> · {plan.totalDeliverables} deliverables from {plan.startDate}
          </>
        }
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {plan.rejectionReason ? <Alert kind="error">Rejected: {plan.rejectionReason}</Alert> : null}
      {plan.planning?.status === "failed" ? (
        <Alert kind="error">
          Planning is on hold: {plan.planning.error} Contact us to add credits; planning starts again once they are
          added.
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Per period">
          <ul className="space-y-1 text-sm">
            {plan.items.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a plan's items are a fixed list, never reordered
              <li key={n}>
                {i.quantity} × {deliverableTypeLabel(i.deliverableType)}
                {i.channel ? ` (${i.channel})` : ""}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Credits">
          <p className="text-sm">
            {plan.status === "approved" ? "Approving this plan used" : "Approving this plan uses"} about{" "}
            <strong>{estimate.total} credits</strong>; your balance is <strong>{credits.available}</strong>.
          </p>
          <ul className="mt-2 space-y-1 text-sm text-slate-600">
            {estimate.drafts.map((d) => (
              <li key={d.deliverableType}>
                {d.count} × {deliverableTypeLabel(d.deliverableType)} at {d.creditsEach} = {d.credits}
              </li>
            ))}
            <li>Planning the activities: {estimate.planner}</li>
          </ul>
          <p className="mt-2 text-xs text-slate-500">Each redraft you or a reviewer asks for costs its draft again.</p>
          {short && plan.status !== "approved" ? (
            <div className="mt-3">
              <Alert kind="info">
                Your balance covers {credits.available} of the {estimate.total} credits. Work beyond it waits until
                credits are added:{" "}
                <a className="underline" href="/credits">
                  see your credits
                </a>
                .
              </Alert>
            </div>
          ) : null}
        </Card>
        <Card title="Decision">
          {plan.status === "draft" || plan.status === "rejected" ? (
            <form action={move}>
              {hidden}
              <Button name="action" value="submit">
                Submit for approval
              </Button>
            </form>
          ) : null}
          {plan.status === "pending_approval" ? (
            <div className="space-y-4">
              <form action={move} className="space-y-3">
                {hidden}
                {short ? (
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="acceptShortfall" required className="mt-1" />
                    <span>
                      Approve anyway: drafts beyond my balance wait, marked “Waiting for credits”, until credits are
                      added.
                    </span>
                  </label>
                ) : null}
                <Button name="action" value="approve">
                  Approve plan
                </Button>
              </form>
              <form action={move}>
                {hidden}
                <input type="hidden" name="action" value="reject" />
                <Field label="Reason for rejecting" name="reason" multiline rows={2} required />
                <Button variant="secondary">Reject plan</Button>
              </form>
            </div>
          ) : null}
          {plan.status === "approved" ? (
            <p className="text-sm">
              Approved.{" "}
              <a className="text-indigo-700 underline" href="/activities">
                See the activities
              </a>
              .
            </p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
