import { Alert, Card, EmptyState, PageHeader, Table, timeAgo } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { removeChannel, testConnection } from "./actions";
import { ChannelHealth } from "./channel-health";
import { ConnectWordPressForm } from "./connect-form";

export const generateMetadata = () => workspaceMetadata("Channels");

export default async function ChannelsPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; ok?: string }>;
}) {
  const { error, ok } = await searchParams;
  const api = await serverApi("dashboard");
  const channels = unwrap("dashboard", await api.GET("/tenant/v1/channels"));
  const now = Date.now();
  return (
    <>
      <PageHeader title="Channels" subtitle="Where approved content is published." />
      {error ? <Alert kind="error">{error}</Alert> : null}
      {ok === "removed" ? <Alert kind="success">Removed.</Alert> : null}
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
                  <ChannelHealth health={c.health} lastCheckedAt={c.lastCheckedAt} lastError={c.lastError} now={now} />
                ),
              },
              {
                header: "Last publish",
                cell: (c) => (c.lastPublishedAt ? timeAgo(c.lastPublishedAt, now) : "not yet"),
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
                      <button type="submit" className="text-xs text-rose-700 underline">
                        Remove
                      </button>
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
