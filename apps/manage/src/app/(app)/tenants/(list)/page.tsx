import { Alert, Card, Field, formatDate, PageHeader, Pager, pageParam, StatusBadge, Table } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { serverApi, unwrap } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Tenants" };

async function createTenant(formData: FormData) {
  "use server";
  const api = await serverApi("manage");
  const res = await api.POST("/admin/v1/tenants", {
    body: {
      name: String(formData.get("name") ?? ""),
      timezone: String(formData.get("timezone") || "UTC"),
      owner: { email: String(formData.get("ownerEmail") ?? ""), name: String(formData.get("ownerName") ?? "") },
    },
  });
  if (res.error) redirect(`/tenants?error=${encodeURIComponent(res.error.error.message)}`);
  redirect(`/tenants/${res.data.id}`);
}

export default async function TenantsPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; search?: string; status?: "active" | "suspended"; page?: string }>;
}) {
  const { error, search, status, page } = await searchParams;
  const api = await serverApi("manage");
  const tenants = unwrap(
    "manage",
    await api.GET("/admin/v1/tenants", {
      params: {
        query: { pageSize: 50, page: pageParam(page), ...(search ? { search } : {}), ...(status ? { status } : {}) },
      },
    }),
  );
  return (
    <>
      <PageHeader title="Tenants" subtitle={`${tenants.total} workspaces`} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <form method="get" className="mb-3 flex gap-2 text-sm">
            <input
              name="search"
              defaultValue={search}
              placeholder="Search by name"
              aria-label="Search tenants"
              className="rounded-md border border-slate-300 px-3 py-1.5"
            />
            <select
              name="status"
              defaultValue={status ?? ""}
              aria-label="Status"
              className="rounded-md border border-slate-300 px-2 py-1.5"
            >
              <option value="">Any status</option>
              <option value="active">Active</option>
              <option value="suspended">Suspended</option>
            </select>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
              Filter
            </button>
          </form>
          <Table
            caption="Tenants"
            rows={tenants.items}
            rowKey={(t) => t.id}
            columns={[
              {
                header: "Tenant",
                cell: (t) => (
                  <a className="font-medium text-indigo-700 hover:underline" href={`/tenants/${t.id}`}>
                    {t.name}
                  </a>
                ),
              },
              { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
              { header: "Members", cell: (t) => t.memberCount },
              { header: "Time zone", cell: (t) => t.timezone },
              { header: "Created", cell: (t) => formatDate(t.createdAt) },
            ]}
          />
          <Pager
            path="/tenants"
            query={{ search, status }}
            page={tenants.page}
            pageSize={tenants.pageSize}
            total={tenants.total}
          />
        </div>
        <Card title="New tenant">
          <form action={createTenant}>
            <Field label="Workspace name" name="name" required />
            <Field label="Time zone" name="timezone" defaultValue="UTC" />
            <Field label="Owner's email" name="ownerEmail" type="email" required />
            <Field label="Owner's name" name="ownerName" required />
            <SubmitButton pendingLabel="Creating…">Create and invite the owner</SubmitButton>
          </form>
        </Card>
      </div>
    </>
  );
}
