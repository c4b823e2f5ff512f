import { Card, EmptyState, PageHeader, RelativeTime, Table } from "@leadmetrics/ui";
import { ConfirmButton, SubmitButton } from "@leadmetrics/ui/forms";
import { currentWorkspace, serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { removeChannel, testConnection } from "./actions";
import { ChannelHealth } from "./channel-health";
import { ConnectWordPressForm } from "./connect-form";

export const generateMetadata = () => workspaceMetadata("Channels");

export default async function ChannelsPage() {
  const api = await serverApi("dashboard");
  const [channels, workspace] = await Promise.all([
    api.GET("/tenant/v1/channels").then((r) => unwrap("dashboard", r)),
    currentWorkspace(),
  ]);
  const timeZone = workspace?.tenantTimezone ?? "UTC";
  const now = Date.now();
  return (
    <>
      <PageHeader title="Channels" subtitle="Where approved content is published." />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
          <Table
            caption="Connected channels"
            rows={channels.items}
            rowKey={(c) => c.id}
            empty={
              <EmptyState title="No channel yet">
                Connect your WordPress site: approved blog posts are published there.
              </EmptyState>
            }
            columns={[
              {
                header: "Channel",
                cell: (c) => (
                  <>
                    <div className="font-medium">{c.name}</div>
                    {c.siteName ? <div className="text-xs text-slate-600">{c.siteName}</div> : null}
                    <div className="break-words text-xs text-slate-500">{c.siteUrl}</div>
                    {c.accountName ? (
                      <div className="text-xs text-slate-500">
                        as {c.accountName}
                        {c.accountRoles.length ? ` (${c.accountRoles.join(", ")})` : ""}
                      </div>
                    ) : null}
                  </>
                ),
              },
              {
                header: "Health",
                cell: (c) => (
                  <ChannelHealth
                    health={c.health}
                    lastCheckedAt={c.lastCheckedAt}
                    lastError={c.lastError}
                    now={now}
                    timeZone={timeZone}
                  />
                ),
              },
              {
                header: "Last publish",
                cell: (c) =>
                  c.lastPublishedAt ? <RelativeTime at={c.lastPublishedAt} timeZone={timeZone} now={now} /> : "not yet",
              },
              {
                header: "Actions",
                cell: (c) => (
                  <div className="flex flex-wrap items-center gap-3">
                    <form action={testConnection}>
                      <input type="hidden" name="id" value={c.id} />
                      <SubmitButton variant="secondary" size="sm" pendingLabel="Testing…">
                        Test connection
                      </SubmitButton>
                    </form>
                    <form action={removeChannel}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="name" value={c.name} />
                      <ConfirmButton
                        title={`Remove the channel “${c.name}” from ${workspace?.tenantName ?? "this workspace"}?`}
                        description={`Nothing more is published to ${c.siteName ?? c.siteUrl}; what is already there stays. You can connect it again later.`}
                        confirmLabel="Remove channel"
                        pendingLabel="Removing…"
                      >
                        Remove<span className="sr-only"> {c.name}</span>
                      </ConfirmButton>
                    </form>
                  </div>
                ),
              },
            ]}
          />
        </div>
        <Card title="Connect WordPress">
          <ConnectWordPressForm />
        </Card>
      </div>
    </>
  );
}
