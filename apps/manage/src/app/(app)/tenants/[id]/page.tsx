import { Alert, Card, formatDateTime, PageHeader, pageParam, StatusBadge } from "@leadmetrics/ui";
import { dmUrl, serverApi, unwrap } from "@leadmetrics/ui/server";
import { AgentConfigForm } from "./agent-config-form";
import { GrantCreditsForm } from "./grant-form";
import { CreditWaiters, Ledger } from "./ledger";
import { loadTenant } from "./load";
import { TenantStatusForm } from "./status-form";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Tenant: ${(await loadTenant((await params).id)).name}` };
}

export default async function TenantPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { id } = await params;
  const { page } = await searchParams;
  const api = await serverApi("manage");
  const [tenant, credits, configs] = await Promise.all([
    loadTenant(id),
    api
      .GET("/admin/v1/tenants/{id}/credits", {
        params: { path: { id }, query: { page: pageParam(page), pageSize: 20 } },
      })
      .then((r) => unwrap("manage", r)),
    api.GET("/admin/v1/tenants/{id}/agent-configs", { params: { path: { id } } }).then((r) => unwrap("manage", r)),
  ]);
  const dm = dmUrl();
  return (
    <>
      <PageHeader
        title={tenant.name}
        subtitle={
          <>
            <StatusBadge status={tenant.status} /> · {tenant.memberCount}{" "}
            {tenant.memberCount === 1 ? "member" : "members"} · {tenant.timezone} · since{" "}
            {formatDateTime(tenant.createdAt, tenant.timezone, { zoneName: true })}
          </>
        }
        actions={
          <a
            href={`/audit?tenantId=${tenant.id}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            Audit log
          </a>
        }
      />
      {tenant.status === "suspended" ? (
        <Alert kind="warning">
          Suspended {formatDateTime(tenant.suspendedAt, tenant.timezone, { zoneName: true })}
          {tenant.suspendedReason ? <>: {tenant.suspendedReason}</> : null}. Its members are shut out and nothing is
          published.
        </Alert>
      ) : null}
      {/* Balance and ledger beside the grant; on a phone the grant follows the balance. */}
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-3">
        <Card title="Credits" className="min-w-0 xl:col-span-2">
          <dl className="mb-4 grid grid-cols-2 gap-3" data-testid="credit-balance">
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-500">Available</dt>
              <dd className="text-2xl font-semibold tabular-nums">{credits.available.toLocaleString("en-US")}</dd>
            </div>
            <div className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-500">Held by running work</dt>
              <dd className="text-2xl font-semibold tabular-nums">{credits.reserved.toLocaleString("en-US")}</dd>
            </div>
          </dl>
          <CreditWaiters waiting={credits.waiting} dmUrl={dm} />
          <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-700">Ledger</h3>
          <Ledger credits={credits} tenantId={tenant.id} dmUrl={dm} timeZone={tenant.timezone} />
        </Card>
        <div className="min-w-0 space-y-6 xl:row-span-2">
          <Card title="Grant credits">
            <GrantCreditsForm tenantId={tenant.id} />
          </Card>
          <Card title="Status">
            <TenantStatusForm tenantId={tenant.id} name={tenant.name} status={tenant.status} />
          </Card>
        </div>
        <Card title="Agent configuration" className="min-w-0 xl:col-span-2">
          <ul>
            {configs.items.map((c) => (
              <AgentConfigForm key={c.role} tenantId={tenant.id} config={c} />
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
