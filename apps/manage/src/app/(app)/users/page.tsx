import { Alert, Card, Field, formatDate, PageHeader, Pager, pageParam, Table } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { serverApi, unwrap } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Users" };

async function createStaff(formData: FormData) {
  "use server";
  const api = await serverApi("manage");
  const res = await api.POST("/admin/v1/users", {
    body: {
      email: String(formData.get("email") ?? ""),
      name: String(formData.get("name") ?? ""),
      platformRole: formData.get("platformRole") === "super_admin" ? "super_admin" : "dm_reviewer",
    },
  });
  if (res.error) redirect(`/users?error=${encodeURIComponent(res.error.error.message)}`);
  redirect("/users?ok=1");
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; ok?: string; page?: string }>;
}) {
  const { error, ok, page } = await searchParams;
  const api = await serverApi("manage");
  const users = unwrap(
    "manage",
    await api.GET("/admin/v1/users", { params: { query: { pageSize: 50, page: pageParam(page) } } }),
  );
  return (
    <>
      <PageHeader title="Users" subtitle={`${users.total} accounts`} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {ok ? <Alert kind="success">Invitation sent.</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Table
            caption="Users"
            rows={users.items}
            rowKey={(u) => u.id}
            columns={[
              {
                header: "Name",
                cell: (u) => (
                  <>
                    <div className="font-medium">{u.name}</div>
                    <div className="text-xs text-slate-500">{u.email}</div>
                  </>
                ),
              },
              { header: "Platform role", cell: (u) => u.platformRole.replace("_", " ") },
              {
                header: "Workspaces",
                cell: (u) => u.memberships.map((m) => `${m.tenantName} (${m.role})`).join(", ") || "—",
              },
              {
                header: "Last sign-in",
                cell: (u) => (u.invitationPending ? "invitation pending" : formatDate(u.lastLoginAt)),
              },
            ]}
          />
          <Pager path="/users" page={users.page} pageSize={users.pageSize} total={users.total} />
        </div>
        <Card title="New staff member">
          <form action={createStaff}>
            <Field label="Name" name="name" required />
            <Field label="Email" name="email" type="email" required />
            <label className="mb-4 block text-sm font-medium text-slate-700">
              Role
              <select
                name="platformRole"
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              >
                <option value="dm_reviewer">DM reviewer</option>
                <option value="super_admin">Super-admin</option>
              </select>
            </label>
            <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
          </form>
        </Card>
      </div>
    </>
  );
}
