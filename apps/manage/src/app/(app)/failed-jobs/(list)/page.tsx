import { formatDate, PageHeader, Pager, pageParam, Table } from "@leadmetrics/ui";
import { dmUrl, serverApi, unwrap } from "@leadmetrics/ui/server";
import { JobState, JobSubject, JobTenant } from "../job-context";

export const metadata = { title: "Failed jobs" };

export default async function FailedJobsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const api = await serverApi("manage");
  const jobs = unwrap(
    "manage",
    await api.GET("/admin/v1/failed-jobs", { params: { query: { pageSize: 50, page: pageParam(page) } } }),
  );
  const dm = dmUrl();
  return (
    <>
      <PageHeader
        title="Failed jobs"
        subtitle="Work that failed after every retry. Fix the cause, then replay; a credit grant replays the runs that lacked credits by itself."
      />
      <Table
        caption="Failed jobs"
        rows={jobs.items}
        rowKey={(j) => j.id}
        empty={
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            No failed jobs. Work that fails after every retry is listed here.
          </p>
        }
        columns={[
          {
            header: "Job",
            cell: (j) => (
              <a className="font-medium text-indigo-700 hover:underline" href={`/failed-jobs/${j.id}`}>
                {j.queueLabel}
              </a>
            ),
          },
          { header: "Tenant", cell: (j) => <JobTenant job={j} /> },
          { header: "Working on", cell: (j) => <JobSubject job={j} dmUrl={dm} /> },
          { header: "Why", cell: (j) => <span className="line-clamp-3">{j.reasonText}</span> },
          { header: "State", cell: (j) => <JobState job={j} /> },
          { header: "Failed", cell: (j) => <span className="whitespace-nowrap">{formatDate(j.createdAt)}</span> },
        ]}
      />
      <Pager path="/failed-jobs" page={jobs.page} pageSize={jobs.pageSize} total={jobs.total} />
    </>
  );
}
