import type { paths } from "@leadmetrics/api-client";
import { StatusBadge } from "@leadmetrics/ui";

type FailedJob = paths["/admin/v1/failed-jobs/{id}"]["get"]["responses"][200]["content"]["application/json"];

const link = "break-words text-indigo-700 hover:underline";

/** The tenant a job worked for, linked to its page. */
export function JobTenant({ job }: { job: Pick<FailedJob, "tenant"> }) {
  if (!job.tenant) return <span className="text-slate-500">The platform</span>;
  return (
    <a className={link} href={`/tenants/${job.tenant.id}`}>
      {job.tenant.name ?? "A deleted tenant"}
    </a>
  );
}

/** What the job was working on: an activity (its DM review page) or a plan. */
export function JobSubject({ job, dmUrl }: { job: Pick<FailedJob, "subject">; dmUrl: string }) {
  const s = job.subject;
  if (!s) return <span className="text-slate-500">—</span>;
  if (s.kind === "activity")
    return s.name ? (
      <a className={link} href={`${dmUrl.replace(/\/+$/, "")}/review/${s.id}`}>
        {s.name}
      </a>
    ) : (
      <span className="text-slate-500">A deleted activity</span>
    );
  return <span className="break-words">{s.name ? `Plan “${s.name}”` : "A deleted plan"}</span>;
}

/** Replayed, waiting for a grant, or failed. */
export function JobState({ job }: { job: Pick<FailedJob, "replayedAt" | "waitsForCredits"> }) {
  if (job.replayedAt) return <StatusBadge status="replayed" />;
  if (job.waitsForCredits) return <StatusBadge status="waiting_for_credits" />;
  return <StatusBadge status="failed" />;
}
