import { Card, PageHeader } from "@leadmetrics/ui";
import { publicApiUrl } from "@leadmetrics/ui/server";

export const metadata = { title: "Queues" };

/** What the queue dashboard is, and the way to it: it opens in a tab of its own (it is not a Manage page). */
export default function QueuesPage() {
  const board = `${publicApiUrl()}/admin/v1/queues`;
  return (
    <>
      <PageHeader
        title="Queues"
        subtitle="The background work: agents drafting and publishing, notifications being sent."
      />
      <Card className="max-w-2xl">
        <div className="space-y-3 text-sm text-slate-700">
          <p>
            Every agent role has a queue (the Blog writer's, the Publisher's, …), and so does each way a notification
            goes out. The queue dashboard shows, per queue, the jobs waiting, running, delayed for a retry, done and
            failed, with each job's data and its error.
          </p>
          <p>
            Use it to see whether work is moving or stuck. To act on a job that failed for good, use{" "}
            <a className="text-indigo-700 hover:underline" href="/failed-jobs">
              Failed jobs
            </a>
            : it says what the job concerns and replays it with an audit entry.
          </p>
          <p className="text-slate-500">
            It is served by the API for super-admins, opens in a new tab and has its own look.
          </p>
        </div>
        <a
          href={board}
          target="_blank"
          rel="noopener"
          className="mt-4 inline-flex items-center gap-2 rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
        >
          Open the queue dashboard
          <span aria-hidden="true">↗</span>
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      </Card>
    </>
  );
}
