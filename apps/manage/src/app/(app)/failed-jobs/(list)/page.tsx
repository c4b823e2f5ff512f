import { formatDate, PageHeader, Pager, pageParam, StatusBadge, Table } from "@leadmetrics/ui";
import { serverApi, unwrap } from "@leadmetrics/ui/server";

export const metadata = { title: "Failed jobs" };

export default async function FailedJobsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const api = await serverApi("manage");
  const jobs = unwrap(
    "manage",
    await api.GET("/admin/v1/failed-jobs", { params: { query: { pageSize: 50, page: pageParam(page) } } }),
  );
  return (
    <>
      <PageHeader title="Failed jobs" subtitle="Jobs that exhausted their attempts. Fix the cause, then replay." />
      <Table
        caption="Failed jobs"
        rows={jobs.items}
        rowKey={(j) => j.id}
        empty={
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            No failed jobs.
          </p>
        }
        columns={[
          {
            header: "Queue",
            cell: (j) => (
              <a className="font-medium text-indigo-700 hover:underline" href={`/failed-jobs/${j.id}`}>
                {j.queue}
              </a>
            ),
          },
          { header: "Reason", cell: (j) => <span className="line-clamp-2">{j.reason}</span> },
          { header: "Attempts", cell: (j) => j.attempts },
          { header: "State", cell: (j) => <StatusBadge status={j.replayedAt ? "replayed" : "failed"} /> },
          { header: "Failed at", cell: (j) => formatDate(j.createdAt) },
        ]}
      />
      <Pager path="/failed-jobs" page={jobs.page} pageSize={jobs.pageSize} total={jobs.total} />
    </>
  );
}
