import { Alert, Button, Card, Field, PageHeader, StatusBadge, Table } from "@leadmetrics/ui";
import { serverApi, unwrap } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import { loadTenant } from "./load";

const ADAPTERS = ["offline", "anthropic", "openai", "gemini", "claude-cli"] as const;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Tenant: ${(await loadTenant((await params).id)).name}` };
}

async function act(formData: FormData) {
  "use server";
  const id = String(formData.get("id"));
  const action = String(formData.get("action"));
  const api = await serverApi("manage");
  const path = { params: { path: { id } } };
  let res: { error?: { error: { message: string } }; data?: unknown };
  if (action === "suspend")
    res = await api.POST("/admin/v1/tenants/{id}/suspend", {
      ...path,
      body: { reason: String(formData.get("reason") ?? "") },
    });
  else if (action === "reactivate") res = await api.POST("/admin/v1/tenants/{id}/reactivate", path);
  else if (action === "grant")
    res = await api.POST("/admin/v1/credits/grants", {
      body: { tenantId: id, amount: Number(formData.get("amount") || 0), note: String(formData.get("note") ?? "") },
    });
  else {
    const role = String(formData.get("role")) as "blog-writer";
    res = await api.PUT("/admin/v1/tenants/{id}/agent-configs/{role}", {
      params: { path: { id, role } },
      body: {
        adapter: String(formData.get("adapter")) as (typeof ADAPTERS)[number],
        model: String(formData.get("model") ?? ""),
        temperature: Number(formData.get("temperature") ?? 0.7),
        enabled: formData.get("enabled") === "on",
      },
    });
  }
  if (res.error) redirect(`/tenants/${id}?error=${encodeURIComponent(res.error.error.message)}`);
  const resumed = (res.data as { resumedJobs?: number } | undefined)?.resumedJobs;
  redirect(`/tenants/${id}?ok=${action}${resumed ? `&resumed=${resumed}` : ""}`);
}

export default async function TenantPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ error?: string; ok?: string; resumed?: string }>;
}) {
  const { id } = await params;
  const { error, ok, resumed } = await searchParams;
  const api = await serverApi("manage");
  const [tenant, configs] = await Promise.all([
    loadTenant(id),
    api.GET("/admin/v1/tenants/{id}/agent-configs", { params: { path: { id } } }).then((r) => unwrap("manage", r)),
  ]);
  const hidden = <input type="hidden" name="id" value={tenant.id} />;
  return (
    <>
      <PageHeader
        title={tenant.name}
        subtitle={
          <>
            <StatusBadge status={tenant.status} /> · {tenant.memberCount} members · {tenant.timezone}
          </>
        }
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {ok ? (
        <Alert kind="success">
          {ok === "grant"
            ? `Credits granted.${Number(resumed) > 0 ? ` ${resumed} ${Number(resumed) === 1 ? "job that was" : "jobs that were"} waiting for credits ${Number(resumed) === 1 ? "is" : "are"} running again.` : ""}`
            : "Saved."}
        </Alert>
      ) : null}
      {tenant.suspendedReason ? <Alert kind="error">Suspended: {tenant.suspendedReason}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Agent configuration">
            <Table
              caption="Agent configuration per role"
              rows={configs.items}
              rowKey={(c) => c.role}
              columns={[
                { header: "Role", cell: (c) => <span className="font-medium">{c.role}</span> },
                {
                  header: "Adapter · model · temperature",
                  cell: (c) => (
                    <form action={act} className="flex flex-wrap items-center gap-2">
                      {hidden}
                      <input type="hidden" name="action" value="config" />
                      <input type="hidden" name="role" value={c.role} />
                      <select
                        name="adapter"
                        defaultValue={c.adapter}
                        aria-label={`${c.role} adapter`}
                        className="rounded border border-slate-300 px-2 py-1 text-sm"
                      >
                        {ADAPTERS.map((a) => (
                          <option key={a}>{a}</option>
                        ))}
                      </select>
                      <input
                        name="model"
                        defaultValue={c.model}
                        aria-label={`${c.role} model`}
                        className="w-36 rounded border border-slate-300 px-2 py-1 text-sm"
                      />
                      <input
                        name="temperature"
                        type="number"
                        step="0.1"
                        min="0"
                        max="2"
                        defaultValue={c.temperature}
                        aria-label={`${c.role} temperature`}
                        className="w-20 rounded border border-slate-300 px-2 py-1 text-sm"
                      />
                      <label className="text-xs">
                        <input type="checkbox" name="enabled" defaultChecked={c.enabled} /> enabled
                      </label>
                      <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 text-xs">
                        Save
                      </button>
                      {!c.configured ? <span className="text-xs text-slate-500">(platform default)</span> : null}
                    </form>
                  ),
                },
              ]}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Credits">
            <form action={act}>
              {hidden}
              <input type="hidden" name="action" value="grant" />
              <Field label="Credits to grant" name="amount" type="number" min={1} required />
              <Field label="Note" name="note" required />
              <Button>Grant credits</Button>
            </form>
          </Card>
          <Card title="Status">
            {tenant.status === "active" ? (
              <form action={act}>
                {hidden}
                <input type="hidden" name="action" value="suspend" />
                <Field label="Reason" name="reason" required />
                <Button variant="danger">Suspend tenant</Button>
              </form>
            ) : (
              <form action={act}>
                {hidden}
                <Button name="action" value="reactivate">
                  Reactivate tenant
                </Button>
              </form>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
