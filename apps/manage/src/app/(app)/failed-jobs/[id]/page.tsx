import { Alert, Button, Card, formatDate, PageHeader } from "@leadmetrics/ui";
import { serverApi } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import { loadJob } from "./load";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Failed job: ${(await loadJob((await params).id)).queue}` };
}

async function replay(formData: FormData) {
  "use server";
  const id = String(formData.get("id"));
  const api = await serverApi("manage");
  const res = await api.POST("/admin/v1/failed-jobs/{id}/replay", { params: { path: { id } } });
  if (res.error) redirect(`/failed-jobs/${id}?error=${encodeURIComponent(res.error.error.message)}`);
  redirect(`/failed-jobs/${id}`);
}

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
  return (
    <>
      <PageHeader
        title={`Failed job on ${job.queue}`}
        subtitle={`Job ${job.jobId} · ${job.attempts} attempt(s) · ${formatDate(job.createdAt)}`}
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Reason">
            <p className="text-sm" data-testid="failure-reason">
              {job.reason}
            </p>
          </Card>
          <Card title="Payload">
            <pre className="overflow-x-auto rounded bg-slate-900 p-4 text-xs text-slate-100">
              {JSON.stringify(job.payload, null, 2)}
            </pre>
          </Card>
        </div>
        <Card title="Replay">
          {job.replayedAt ? (
            <p className="text-sm" data-testid="replay-state">
              Replayed {formatDate(job.replayedAt)} as {job.replayJobId}:{" "}
              <strong>{job.replayState ?? "unknown"}</strong>
            </p>
          ) : (
            <form action={replay}>
              <input type="hidden" name="id" value={job.id} />
              <p className="mb-3 text-sm text-slate-600">Runs the job again under a new id. Fix its cause first.</p>
              <Button>Replay job</Button>
            </form>
          )}
        </Card>
      </div>
    </>
  );
}
