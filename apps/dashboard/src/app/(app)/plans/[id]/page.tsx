import { channelKindLabel, deliverableTypeLabel } from "@leadmetrics/catalog";
import { Alert, Card, Field, formatCalendarDate, PageHeader, StatusBadge } from "@leadmetrics/ui";
import { ConfirmButton, SubmitButton } from "@leadmetrics/ui/forms";
import { serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { movePlan } from "../actions";
import { PlanForm } from "../plan-form";
import { loadPlan } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return workspaceMetadata(`Plan: ${(await loadPlan((await params).id)).name}`);
}

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await serverApi("dashboard");
  const [plan, credits, channels] = await Promise.all([
    loadPlan(id),
    api.GET("/tenant/v1/credits", { params: { query: { pageSize: 1 } } }).then((r) => unwrap("dashboard", r)),
    api.GET("/tenant/v1/channels").then((r) => unwrap("dashboard", r)),
  ]);
  const estimate = plan.creditEstimate;
  const short = estimate.total > credits.available;
  // The item's chosen channel by name; else the network it is written for.
  const publishedTo = (i: (typeof plan.items)[number]) => {
    const c = i.channelId ? channels.items.find((ch) => ch.id === i.channelId) : undefined;
    if (c) return ` → ${c.name} (${channelKindLabel(c.kind)})`;
    return i.channel ? ` (${channelKindLabel(i.channel)})` : "";
  };
  const hidden = <input type="hidden" name="id" value={plan.id} />;
  return (
    <>
      <PageHeader
        title={plan.name}
        subtitle={
          <>
            <StatusBadge status={plan.status} /> · {plan.totalDeliverables}{" "}
            {plan.totalDeliverables === 1 ? "deliverable" : "deliverables"} from {formatCalendarDate(plan.startDate)}
          </>
        }
      />
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
                {publishedTo(i)}
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
        {plan.status === "draft" || plan.status === "rejected" ? (
          <Card title="Change the plan">
            <PlanForm plan={plan} channels={channels.items} />
          </Card>
        ) : null}
        <Card title="Decision">
          {plan.status === "draft" || plan.status === "rejected" ? (
            <form action={movePlan}>
              {hidden}
              <SubmitButton name="action" value="submit" pendingLabel="Submitting…">
                Submit for approval
              </SubmitButton>
            </form>
          ) : null}
          {plan.status === "pending_approval" ? (
            <div className="space-y-4">
              <form action={movePlan} className="space-y-3">
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
                <SubmitButton name="action" value="approve" pendingLabel="Approving…">
                  Approve plan
                </SubmitButton>
              </form>
              <form action={movePlan}>
                {hidden}
                <input type="hidden" name="action" value="reject" />
                <ConfirmButton
                  trigger="secondary"
                  title={`Reject the plan “${plan.name}”?`}
                  description="Nothing is drafted from it. You can change it and submit it again."
                  fields={<Field label="Reason for rejecting" name="reason" multiline rows={3} required />}
                  confirmLabel="Reject plan"
                  pendingLabel="Rejecting…"
                >
                  Reject plan…
                </ConfirmButton>
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
