import { Card, PageHeader, RelativeTime, Table } from "@leadmetrics/ui";
import { ActionForm, ConfirmButton, FormField, FormSelect, SubmitButton } from "@leadmetrics/ui/forms";
import { currentAccount, serverApi, unwrap, workspaceMetadata, workspaceTimeZone } from "@leadmetrics/ui/server";
import { changeRole, inviteMember, removeMember } from "./actions";

export const generateMetadata = () => workspaceMetadata("Team");

const ROLES = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Admin" },
  { value: "owner", label: "Owner" },
];

export default async function TeamPage() {
  const api = await serverApi("dashboard");
  const [members, me, timeZone] = await Promise.all([
    api.GET("/tenant/v1/members").then((r) => unwrap("dashboard", r)),
    currentAccount("dashboard"),
    workspaceTimeZone(),
  ]);
  const workspace = me.memberships.find((m) => m.tenantId === me.session.tenantId)?.tenantName ?? "this workspace";
  return (
    <>
      <PageHeader title="Team" subtitle="Owners and admins approve plans and drafts; members can follow along." />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
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
                    <div className="break-words text-xs text-slate-500">{m.email}</div>
                  </>
                ),
              },
              {
                header: "Role",
                cell: (m) =>
                  m.userId === me.user.id ? (
                    <span className="capitalize">{m.role} (you)</span>
                  ) : (
                    <form action={changeRole} className="flex flex-wrap items-center gap-2">
                      <input type="hidden" name="userId" value={m.userId} />
                      <input type="hidden" name="name" value={m.name} />
                      <label className="sr-only" htmlFor={`role-${m.userId}`}>
                        Role of {m.name}
                      </label>
                      <select
                        id={`role-${m.userId}`}
                        name="role"
                        defaultValue={m.role}
                        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
                      >
                        {ROLES.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
                        Change
                      </SubmitButton>
                    </form>
                  ),
              },
              {
                header: "Joined",
                cell: (m) =>
                  m.invitationPending ? "invitation pending" : <RelativeTime at={m.joinedAt} timeZone={timeZone} />,
              },
              {
                header: "Actions",
                cell: (m) =>
                  m.userId === me.user.id ? null : (
                    <form action={removeMember}>
                      <input type="hidden" name="userId" value={m.userId} />
                      <input type="hidden" name="name" value={m.name} />
                      <ConfirmButton
                        title={`Remove ${m.name} from ${workspace}?`}
                        description={`${m.name} can no longer sign in to ${workspace}. Their past approvals stay in the history.`}
                        confirmLabel="Remove"
                        pendingLabel="Removing…"
                      >
                        Remove<span className="sr-only"> {m.name}</span>
                      </ConfirmButton>
                    </form>
                  ),
              },
            ]}
          />
        </div>
        <Card title="Invite someone">
          <ActionForm action={inviteMember} label="Invite someone">
            <FormField label="Name" name="name" required />
            <FormField label="Email" name="email" type="email" required />
            <FormSelect label="Role" name="role" options={ROLES} />
            <SubmitButton pendingLabel="Sending the invitation…">Send invitation</SubmitButton>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
