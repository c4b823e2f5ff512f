import { CHANNEL_CATALOG, channelKindLabel, isSocialChannelKind, SOCIAL_CHANNEL_KINDS } from "@leadmetrics/catalog";
import { buttonClass, Card, EmptyState, formatDateTime, PageHeader, RelativeTime, Table } from "@leadmetrics/ui";
import { ConfirmButton, SubmitButton } from "@leadmetrics/ui/forms";
import { currentWorkspace, serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { AccountAvatar, NetworkMark } from "@leadmetrics/ui/social-preview";
import { accountTypeLabel } from "./account-type";
import { removeChannel, testConnection } from "./actions";
import { ChannelHealth } from "./channel-health";
import { ConnectWordPressForm } from "./connect-form";

export const generateMetadata = () => workspaceMetadata("Channels");

const startPath = (kind: string, reconnect?: string) =>
  `/channels/oauth/start/${kind}${reconnect ? `?reconnect=${reconnect}` : ""}`;

export default async function ChannelsPage() {
  const api = await serverApi("dashboard");
  const [channels, workspace] = await Promise.all([
    api.GET("/tenant/v1/channels").then((r) => unwrap("dashboard", r)),
    currentWorkspace(),
  ]);
  const timeZone = workspace?.tenantTimezone ?? "UTC";
  const now = Date.now();
  const connectedOf = (kind: string) => channels.items.filter((c) => c.kind === kind).length;
  return (
    <>
      <PageHeader title="Channels" subtitle="Where approved content is published: your sites and social accounts." />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="min-w-0 xl:col-span-2">
          <Table
            caption="Connected channels"
            rows={channels.items}
            rowKey={(c) => c.id}
            empty={
              <EmptyState title="No channel yet">
                Connect a social account or your WordPress site: approved posts are published there.
              </EmptyState>
            }
            columns={[
              {
                header: "Channel",
                cell: (c) => (
                  <div className="flex min-w-0 items-start gap-3">
                    {isSocialChannelKind(c.kind) ? (
                      <AccountAvatar account={{ name: c.name, avatarUrl: c.avatarUrl }} size="md" />
                    ) : null}
                    <div className="min-w-0">
                      <div className="font-medium">{c.name}</div>
                      <div className="text-xs text-slate-600">
                        {[channelKindLabel(c.kind), accountTypeLabel(c.accountType), c.siteName]
                          .filter(Boolean)
                          .join(" · ")}
                      </div>
                      {c.accountHandle ? <div className="text-xs text-slate-500">{c.accountHandle}</div> : null}
                      {c.siteUrl ? <div className="break-words text-xs text-slate-500">{c.siteUrl}</div> : null}
                      {c.kind === "wordpress" && c.accountName ? (
                        <div className="text-xs text-slate-500">
                          as {c.accountName}
                          {c.accountRoles.length ? ` (${c.accountRoles.join(", ")})` : ""}
                        </div>
                      ) : null}
                    </div>
                  </div>
                ),
              },
              {
                header: "Health",
                cell: (c) => (
                  <div className="space-y-1">
                    <ChannelHealth
                      health={c.health}
                      lastCheckedAt={c.lastCheckedAt}
                      lastError={c.lastError}
                      now={now}
                      timeZone={timeZone}
                    />
                    {c.health === "needs_reconnect" ? (
                      <p className="max-w-xs text-xs text-rose-800">
                        {channelKindLabel(c.kind)} stopped accepting the sign-in: reconnect to publish again.
                      </p>
                    ) : c.tokenExpiresAt ? (
                      <p className="text-xs text-slate-500">
                        Sign-in renews automatically (valid until {formatDateTime(c.tokenExpiresAt, timeZone)})
                      </p>
                    ) : null}
                  </div>
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
                    {c.kind === "wordpress" ? (
                      <form action={testConnection}>
                        <input type="hidden" name="id" value={c.id} />
                        <SubmitButton variant="secondary" size="sm" pendingLabel="Testing…">
                          Test connection
                        </SubmitButton>
                      </form>
                    ) : null}
                    {c.health === "needs_reconnect" && isSocialChannelKind(c.kind) ? (
                      <a className={buttonClass("primary", "sm")} href={startPath(c.kind, c.id)}>
                        Reconnect<span className="sr-only"> {c.name}</span>
                      </a>
                    ) : null}
                    <form action={removeChannel}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="name" value={c.name} />
                      <ConfirmButton
                        title={`Remove the channel “${c.name}” from ${workspace?.tenantName ?? "this workspace"}?`}
                        description={`Nothing more is published to ${c.siteName ?? c.siteUrl ?? `${c.name} on ${channelKindLabel(c.kind)}`}; what is already there stays. You can connect it again later.`}
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
        <div className="space-y-6">
          <Card title="Connect a social account">
            <ul id="connect" aria-label="Social networks" className="divide-y divide-slate-100">
              {SOCIAL_CHANNEL_KINDS.map((kind) => {
                const count = connectedOf(kind);
                return (
                  <li key={kind} className="flex items-center gap-3 py-3 first:pt-0 last:pb-0">
                    <NetworkMark kind={kind} />
                    <div className="min-w-0 flex-1">
                      <p className="text-sm font-medium text-slate-900">{CHANNEL_CATALOG[kind].label}</p>
                      <p className="text-xs text-slate-500">
                        {count
                          ? `${count} connected · add another ${CHANNEL_CATALOG[kind].accountNoun}`
                          : `Posts as ${/^[aeiou]/i.test(CHANNEL_CATALOG[kind].accountNoun) ? "an" : "a"} ${CHANNEL_CATALOG[kind].accountNoun}`}
                      </p>
                    </div>
                    <a className={buttonClass("secondary", "sm")} href={startPath(kind)}>
                      Connect<span className="sr-only"> {CHANNEL_CATALOG[kind].label}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
            <p className="mt-4 text-xs text-slate-500">
              You sign in on the network and choose the page or account; Leadmetrics never sees your password.
            </p>
          </Card>
          <Card title="Connect WordPress">
            <ConnectWordPressForm />
          </Card>
        </div>
      </div>
    </>
  );
}
