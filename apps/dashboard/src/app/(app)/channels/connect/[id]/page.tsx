import { CHANNEL_CATALOG, isSocialChannelKind } from "@leadmetrics/catalog";
import { Card, formatDateTime, PageHeader } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { serverApi, unwrap, workspaceMetadata, workspaceTimeZone } from "@leadmetrics/ui/server";
import { AccountAvatar } from "@leadmetrics/ui/social-preview";
import { accountTypeLabel } from "../../account-type";
import { selectAccount } from "../../actions";

export const generateMetadata = () => workspaceMetadata("Choose an account");

/**
 * After the network's consent: the pages, profiles or locations this sign-in may publish as. One
 * is picked; those already connected here are shown, not offered again.
 */
export default async function PickAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await serverApi("dashboard");
  const [connection, timeZone] = await Promise.all([
    api.GET("/tenant/v1/channels/connections/{id}", { params: { path: { id } } }).then((r) => unwrap("dashboard", r)),
    workspaceTimeZone(),
  ]);
  const facts = isSocialChannelKind(connection.kind) ? CHANNEL_CATALOG[connection.kind] : null;
  const network = facts?.label ?? connection.kind;
  return (
    <>
      <PageHeader
        title={`Choose the ${network} account to connect`}
        subtitle={`Approved posts are published as the ${facts?.accountNoun ?? "account"} you choose. This choice stays open until ${formatDateTime(connection.expiresAt, timeZone)}.`}
      />
      <Card className="max-w-2xl">
        <ul aria-label={`${network} accounts`} className="divide-y divide-slate-100">
          {connection.accounts.map((a) => {
            const type = accountTypeLabel(a.type);
            return (
              <li key={a.externalId} className="flex flex-wrap items-center gap-x-4 gap-y-3 py-3 first:pt-0 last:pb-0">
                <AccountAvatar account={a} size="md" />
                <div className="min-w-0 flex-1">
                  <p className="break-words font-medium text-slate-900">{a.name}</p>
                  <p className="break-words text-sm text-slate-500">{[type, a.handle].filter(Boolean).join(" · ")}</p>
                </div>
                {a.connected ? (
                  <span className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600">
                    Already connected
                  </span>
                ) : (
                  <form action={selectAccount}>
                    <input type="hidden" name="connectionId" value={connection.id} />
                    <input type="hidden" name="externalId" value={a.externalId} />
                    <SubmitButton pendingLabel="Connecting…">
                      Connect<span className="sr-only"> {a.name}</span>
                    </SubmitButton>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
        <p className="mt-5 border-t border-slate-100 pt-4 text-sm text-slate-600">
          Not the right sign-in?{" "}
          <a className="text-indigo-700 underline" href="/channels">
            Back to Channels
          </a>{" "}
          and connect again with another {network} account.
        </p>
      </Card>
    </>
  );
}
