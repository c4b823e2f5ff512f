import { Card, calendarDay, formatDateTime, PageHeader, StatusBadge, Table } from "@leadmetrics/ui";
import { serverApi, unwrap, workspaceMetadata, workspaceTimeZone } from "@leadmetrics/ui/server";

export const generateMetadata = () => workspaceMetadata("Credits and runs");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Credits left, and what the agents' work cost: a daily chart and every run (`?activity=` shows
 * one activity's runs: where an activity page's "View the run" leads).
 */
export default async function CreditsPage({ searchParams }: { searchParams: Promise<{ activity?: string }> }) {
  const { activity: rawActivity } = await searchParams;
  const activity = rawActivity && UUID.test(rawActivity) ? rawActivity : undefined;
  const api = await serverApi("dashboard");
  const [credits, runs, timeZone] = await Promise.all([
    api.GET("/tenant/v1/credits", { params: { query: { pageSize: 50 } } }).then((r) => unwrap("dashboard", r)),
    api
      .GET("/tenant/v1/agent-runs", {
        params: { query: { pageSize: 100, ...(activity ? { activityId: activity } : {}) } },
      })
      .then((r) => unwrap("dashboard", r)),
    workspaceTimeZone(),
  ]);
  const byDay = new Map<string, { credits: number; cost: number }>();
  for (const r of runs.items) {
    // Days of the workspace, not of UTC.
    const day = calendarDay(r.startedAt, timeZone);
    const d = byDay.get(day) ?? { credits: 0, cost: 0 };
    d.credits += r.credits;
    d.cost += r.costUsd;
    byDay.set(day, d);
  }
  const days = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(-30);
  const max = Math.max(1, ...days.map(([, d]) => d.credits));
  return (
    <>
      <PageHeader title="Credits and agent runs" />
      <div className="mb-6 grid grid-cols-1 gap-6 md:grid-cols-3">
        <Card title="Available">
          <p className="text-3xl font-semibold" data-testid="credits-available">
            {credits.available}
          </p>
        </Card>
        <Card title="Held by running work">
          <p className="text-3xl font-semibold">{credits.reserved}</p>
        </Card>
        <Card title="Runs">
          <p className="text-3xl font-semibold">{runs.total}</p>
        </Card>
      </div>
      <Card title="Credits spent per day" className="mb-6">
        {days.length === 0 ? (
          <p className="text-sm text-slate-600">No runs yet.</p>
        ) : (
          <svg
            role="img"
            aria-label="Credits spent per day"
            viewBox={`0 0 ${days.length * 40} 140`}
            className="h-40 w-full"
          >
            {days.map(([day, d], i) => {
              const h = Math.round((d.credits / max) * 110);
              return (
                <g key={day}>
                  <title>{`${day}: ${d.credits} credits, $${d.cost.toFixed(4)}`}</title>
                  <rect x={i * 40 + 8} y={120 - h} width={24} height={h} rx={3} className="fill-indigo-500" />
                  <text x={i * 40 + 20} y={136} textAnchor="middle" className="fill-slate-500 text-[8px]">
                    {day.slice(5)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </Card>
      <div id="runs" className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {activity ? "Runs of one activity" : "Agent runs"}
        </h2>
        {activity ? (
          <p className="text-sm">
            <a className="text-indigo-700 hover:underline" href={`/activities/${activity}`}>
              Back to the activity
            </a>
            {" · "}
            <a className="text-indigo-700 hover:underline" href="/credits#runs">
              All runs
            </a>
          </p>
        ) : null}
      </div>
      <Table
        caption={activity ? "Runs of one activity" : "Agent runs"}
        rows={runs.items}
        rowKey={(r) => r.id}
        columns={[
          { header: "Role", cell: (r) => r.role },
          {
            header: "Status",
            cell: (r) => (
              <StatusBadge
                status={r.status === "succeeded" ? "published" : r.status === "failed" ? "needs_attention" : "drafting"}
              />
            ),
          },
          { header: "Adapter", cell: (r) => `${r.adapter}${r.offline ? " (offline)" : ""} · ${r.model}` },
          { header: "Tokens", cell: (r) => `${r.inputTokens} in / ${r.outputTokens} out` },
          { header: "Credits", cell: (r) => r.credits },
          { header: "Cost", cell: (r) => `$${r.costUsd.toFixed(4)}` },
          { header: "Started", cell: (r) => formatDateTime(r.startedAt, timeZone) },
        ]}
      />
    </>
  );
}
