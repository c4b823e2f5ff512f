import { Alert, Card, formatDate, PageHeader } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { dmUrl, serverApi } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import { JobState, JobSubject, JobTenant } from "../job-context";
import { loadJob } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Failed job: ${(await loadJob((await params).id)).queueLabel}` };
}

async function replay(formData: FormData) {
  "use server";
  const id = String(formData.get("id"));
  const api = await serverApi("manage");
  const res = await api.POST("/admin/v1/failed-jobs/{id}/replay", { params: { path: { id } } });
  if (res.error) redirect(`/failed-jobs/${id}?error=${encodeURIComponent(res.error.error.message)}`);
  redirect(`/failed-jobs/${id}`);
}

/** The replay's BullMQ state in words. */
const REPLAY_STATE: Record<string, string> = {
  completed: "completed",
  failed: "failed again",
  active: "running",
  waiting: "waiting to run",
  delayed: "waiting to retry",
  prioritized: "waiting to run",
};

export default async function FailedJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { id } = await params;
  const { error } = await searchParams;
  const job = await loadJob(id);
  const dm = dmUrl();
  return (
    <>
      <PageHeader
        title={`${job.queueLabel} job failed`}
        subtitle={
          <>
            {formatDate(job.createdAt)} · after {job.attempts} {job.attempts === 1 ? "attempt" : "attempts"} ·{" "}
            <JobState job={job} />
          </>
        }
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card title="Why it failed">
            <p className="text-sm" data-testid="failure-reason">
              {job.reasonText}
            </p>
            <details className="mt-3 text-xs text-slate-600">
              <summary className="cursor-pointer">What the worker recorded</summary>
              <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-slate-50 p-3">{job.reason}</pre>
            </details>
          </Card>
          <Card title="What it concerns">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">Tenant</dt>
              <dd>
                <JobTenant job={job} />
              </dd>
              <dt className="text-slate-500">{job.subject?.kind === "plan" ? "Plan" : "Activity"}</dt>
              <dd>
                <JobSubject job={job} dmUrl={dm} />
              </dd>
              <dt className="text-slate-500">Queue</dt>
              <dd>
                <code className="break-all text-xs">{job.queue}</code> · job{" "}
                <code className="break-all text-xs">{job.jobId}</code>
              </dd>
            </dl>
            <details className="mt-4 text-xs">
              <summary className="cursor-pointer text-slate-600">Payload</summary>
              <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-4 text-slate-100">
                {JSON.stringify(job.payload, null, 2)}
              </pre>
            </details>
          </Card>
        </div>
        <Card title="Replay" className="min-w-0">
          {job.replayedAt ? (
            <p className="text-sm" data-testid="replay-state">
              Replayed {formatDate(job.replayedAt)}:{" "}
              <strong>
                {job.replayState ? (REPLAY_STATE[job.replayState] ?? job.replayState) : "no longer tracked"}
              </strong>
              {job.replayState ? <span className="sr-only"> ({job.replayState})</span> : null}
            </p>
          ) : (
            <form action={replay}>
              <input type="hidden" name="id" value={job.id} />
              {job.waitsForCredits && job.tenant ? (
                <p className="mb-3 text-sm text-slate-600">
                  A credit grant to{" "}
                  <a className="text-indigo-700 hover:underline" href={`/tenants/${job.tenant.id}`}>
                    {job.tenant.name ?? "the tenant"}
                  </a>{" "}
                  replays it by itself. Replaying now fails again unless the balance covers it.
                </p>
              ) : (
                <p className="mb-3 text-sm text-slate-600">Runs the job again under a new id. Fix its cause first.</p>
              )}
              <SubmitButton pendingLabel="Replaying…">Replay job</SubmitButton>
            </form>
          )}
        </Card>
      </div>
    </>
  );
}
