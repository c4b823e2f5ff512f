import { Card, PageHeader, Pager, pageParam, RelativeTime, StatusBadge, Table } from "@leadmetrics/ui";
import { serverApi, unwrap, workspaceMetadata, workspaceTimeZone } from "@leadmetrics/ui/server";
import { PlanForm } from "../plan-form";

export const generateMetadata = () => workspaceMetadata("Plans");

export default async function PlansPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const api = await serverApi("dashboard");
  const [plans, timeZone, channels] = await Promise.all([
    api
      .GET("/tenant/v1/plans", { params: { query: { pageSize: 50, page: pageParam(page) } } })
      .then((r) => unwrap("dashboard", r)),
    workspaceTimeZone(),
    api.GET("/tenant/v1/channels").then((r) => unwrap("dashboard", r)),
  ]);
  const now = Date.now();
  return (
    <>
      <PageHeader
        title="Deliverable plans"
        subtitle="What gets produced each week or month. Nothing is drafted until you approve a plan."
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
          <Table
            caption="Plans"
            rows={plans.items}
            rowKey={(p) => p.id}
            columns={[
              {
                header: "Plan",
                cell: (p) => (
                  <a className="font-medium text-indigo-700 hover:underline" href={`/plans/${p.id}`}>
                    {p.name}
                  </a>
                ),
              },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
              {
                header: "Deliverables",
                cell: (p) =>
                  `${p.totalDeliverables} over ${p.periodCount} ${p.cadence === "weekly" ? "weeks" : "months"}`,
              },
              { header: "Created", cell: (p) => <RelativeTime at={p.createdAt} timeZone={timeZone} now={now} /> },
            ]}
          />
          <Pager path="/plans" page={plans.page} pageSize={plans.pageSize} total={plans.total} />
        </div>
        <Card title="New plan">
          <PlanForm channels={channels.items} />
        </Card>
      </div>
    </>
  );
}
