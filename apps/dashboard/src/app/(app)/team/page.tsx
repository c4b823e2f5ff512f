import { Alert, Button, Card, Field, formatDate, PageHeader, Table } from "@leadmetrics/ui";
import { formError, serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const generateMetadata = () => workspaceMetadata("Team");

async function invite(formData: FormData) {
  "use server";
  const api = await serverApi("dashboard");
  const role = String(formData.get("role"));
  const res = await api.POST("/tenant/v1/members", {
    body: {
      email: String(formData.get("email") ?? ""),
      name: String(formData.get("name") ?? ""),
      role: role === "admin" ? "admin" : role === "owner" ? "owner" : "member",
    },
  });
  if (res.error) redirect(`/team?error=${encodeURIComponent(formError(res.error).error!)}`);
  redirect("/team?ok=invited");
}

async function removeMember(formData: FormData) {
  "use server";
  const api = await serverApi("dashboard");
  const res = await api.DELETE("/tenant/v1/members/{userId}", {
    params: { path: { userId: String(formData.get("userId")) } },
  });
  if (res.error) redirect(`/team?error=${encodeURIComponent(res.error.error.message)}`);
  redirect("/team?ok=removed");
}

export default async function TeamPage({ searchParams }: { searchParams: Promise<{ error?: string; ok?: string }> }) {
  const { error, ok } = await searchParams;
  const api = await serverApi("dashboard");
  const members = unwrap("dashboard", await api.GET("/tenant/v1/members"));
  return (
    <>
      <PageHeader title="Team" subtitle="Owners and admins approve plans and drafts; members can follow along." />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {ok ? <Alert kind="success">{ok === "invited" ? "Invitation sent." : "Removed."}</Alert> : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <Table
            caption="Members"
            rows={members.items}
            rowKey={(m) => m.userId}
            columns={[
              {
                header: "Name",
                cell: (m) => (
                  <>
                    <div className="font-medium">{m.name}</div>
                    <div className="text-xs text-slate-500">{m.email}</div>
                  </>
                ),
              },
              { header: "Role", cell: (m) => m.role },
              { header: "Joined", cell: (m) => (m.invitationPending ? "invitation pending" : formatDate(m.joinedAt)) },
              {
                header: "",
                cell: (m) => (
                  <form action={removeMember}>
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" className="text-xs text-rose-700 underline">
                      Remove
                    </button>
                  </form>
                ),
              },
            ]}
          />
        </div>
        <Card title="Invite someone">
          <form action={invite}>
            <Field label="Name" name="name" required />
            <Field label="Email" name="email" type="email" required />
            <label className="mb-4 block text-sm font-medium text-slate-700">
              Role
              <select name="role" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
                <option value="member">Member</option>
                <option value="admin">Admin</option>
                <option value="owner">Owner</option>
              </select>
            </label>
            <Button>Send invitation</Button>
          </form>
        </Card>
      </div>
    </>
  );
}
