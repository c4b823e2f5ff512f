import { formatDate, PageHeader, Pager, pageParam, Table } from "@leadmetrics/ui";
import { dmUrl, serverApi, unwrap } from "@leadmetrics/ui/server";
import { AuditTarget } from "./audit-target";

export const metadata = { title: "Audit log" };

type Filters = { tenantId?: string; actorId?: string; action?: string; page?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Filters> }) {
  const f = await searchParams;
  const api = await serverApi("manage");
  const query = {
    pageSize: 50,
    page: pageParam(f.page),
    ...(f.tenantId ? { tenantId: f.tenantId } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
  };
  const [log, tenants] = await Promise.all([
    api.GET("/admin/v1/audit-logs", { params: { query } }).then((r) => unwrap("manage", r)),
    api.GET("/admin/v1/tenants", { params: { query: { pageSize: 100 } } }).then((r) => unwrap("manage", r)),
  ]);
  const dm = dmUrl();
  return (
    <>
      <PageHeader title="Audit log" subtitle="Every change, who made it and in which request. Append-only." />
      <form method="get" className="mb-4 flex flex-wrap gap-2 text-sm">
        <select
          name="tenantId"
          defaultValue={f.tenantId ?? ""}
          aria-label="Tenant"
          className="rounded-md border border-slate-300 px-2 py-1.5"
        >
          <option value="">All tenants</option>
          {tenants.items.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <input
          name="actorId"
          defaultValue={f.actorId}
          placeholder="Actor id"
          aria-label="Actor id"
          className="rounded-md border border-slate-300 px-3 py-1.5"
        />
        <input
          name="action"
          defaultValue={f.action}
          placeholder="Action, or a prefix like tenant."
          aria-label="Action"
          className="rounded-md border border-slate-300 px-3 py-1.5"
        />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Filter
        </button>
      </form>
      <Table
        caption="Audit log"
        rows={log.items}
        rowKey={(e) => e.id}
        columns={[
          { header: "When", cell: (e) => formatDate(e.createdAt) },
          { header: "Action", cell: (e) => <code className="text-xs">{e.action}</code> },
          {
            header: "Actor",
            cell: (e) =>
              e.actor ? (
                <a className="group block" href={`/audit?actorId=${e.actor.id}`} title="Everything this person did">
                  <span className="font-medium text-indigo-700 group-hover:underline">
                    {e.actor.name ?? "A deleted account"}
                  </span>
                  {e.actor.email ? <span className="block text-xs text-slate-500">{e.actor.email}</span> : null}
                </a>
              ) : (
                <span className="text-slate-500">Leadmetrics (automatic)</span>
              ),
          },
          { header: "Target", cell: (e) => <AuditTarget entry={e} dmUrl={dm} /> },
          {
            header: "Tenant",
            cell: (e) =>
              e.tenantId ? (
                <a className="text-indigo-700 hover:underline" href={`/tenants/${e.tenantId}`}>
                  {e.tenantName ?? "A deleted tenant"}
                </a>
              ) : (
                "—"
              ),
          },
          { header: "Request", cell: (e) => <code className="text-xs">{e.requestId?.slice(0, 12) ?? "—"}</code> },
        ]}
      />
      <Pager
        path="/audit"
        query={{ tenantId: f.tenantId, actorId: f.actorId, action: f.action }}
        page={log.page}
        pageSize={log.pageSize}
        total={log.total}
        totalCapped={log.totalCapped}
      />
      {log.totalCapped && log.page * log.pageSize >= log.total ? (
        <p className="mt-2 text-sm text-slate-600">
          Older entries exist beyond these: narrow the list by tenant, actor or action to reach them.
        </p>
      ) : null}
    </>
  );
}
