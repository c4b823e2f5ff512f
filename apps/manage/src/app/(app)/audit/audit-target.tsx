import type { paths } from "@leadmetrics/api-client";

type Entry = paths["/admin/v1/audit-logs"]["get"]["responses"][200]["content"]["application/json"]["items"][number];

const KIND_LABEL: Record<string, string> = {
  Tenant: "Tenant",
  User: "User",
  Activity: "Activity",
  DeliverablePlan: "Plan",
  FailedJob: "Failed job",
  ConnectedChannel: "Channel",
  AgentConfig: "Agent configuration",
  ClientContext: "Client context",
  CreditLedger: "Credits",
  MediaAsset: "Media",
};

/** Where a target's own page is, when it has one: in Manage, or the DM portal's review page. */
function hrefOf(e: Entry, dmUrl: string): string | null {
  if (!e.targetId) return null;
  if (e.targetType === "Tenant") return `/tenants/${e.targetId}`;
  if (e.targetType === "FailedJob") return `/failed-jobs/${e.targetId}`;
  if (e.targetType === "User") return `/audit?actorId=${e.targetId}`;
  if (e.targetType === "Activity") return `${dmUrl.replace(/\/+$/, "")}/review/${e.targetId}`;
  return null;
}

/** An audit row's target by its name, linked to its page; the id only when it has no name (or is gone). */
export function AuditTarget({ entry: e, dmUrl }: { entry: Entry; dmUrl: string }) {
  const kind = KIND_LABEL[e.targetType] ?? e.targetType;
  const href = e.targetName ? hrefOf(e, dmUrl) : null;
  const name = e.targetName ?? (e.targetId ? `${e.targetId.slice(0, 8)}…` : null);
  return (
    <div className="min-w-0">
      <span className="block text-xs text-slate-500">{kind}</span>
      {name ? (
        href ? (
          <a className="break-words text-indigo-700 hover:underline" href={href}>
            {name}
          </a>
        ) : (
          <span className="break-words">{name}</span>
        )
      ) : null}
      {e.targetEmail ? <span className="block text-xs text-slate-500">{e.targetEmail}</span> : null}
    </div>
  );
}
