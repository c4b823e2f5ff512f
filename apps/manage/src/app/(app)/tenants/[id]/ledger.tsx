import type { paths } from "@leadmetrics/api-client";
import { agentRoleLabel, isAgentRole } from "@leadmetrics/catalog";
import { formatDateTime, Pager, Table } from "@leadmetrics/ui";

type Credits = paths["/admin/v1/tenants/{id}/credits"]["get"]["responses"][200]["content"]["application/json"];
type Entry = Credits["ledger"]["items"][number];

const RUN_STATUS: Record<Entry["status"], string> = {
  reserved: "held while it runs",
  settled: "settled",
  released: "given back",
  posted: "posted",
};

/** "+100" or "−10" (a real minus sign). */
const signed = (n: number) => (n < 0 ? `−${Math.abs(n)}` : `+${n}`);

/** One ledger entry in words: "Blog writer run · −10 · settled", "Grant · +100". */
export function ledgerLine(e: Entry): string {
  if (e.kind === "run") {
    const role = e.run && isAgentRole(e.run.role) ? agentRoleLabel(e.run.role) : "Agent";
    return `${role} run · ${signed(-e.amount)} · ${RUN_STATUS[e.status]}`;
  }
  return `${e.kind === "grant" ? "Grant" : "Correction"} · ${signed(e.amount)}`;
}

/** What an entry concerns, or who made it. */
function EntryDetail({ entry: e, dmUrl }: { entry: Entry; dmUrl: string }) {
  if (e.kind === "run") {
    if (!e.run?.subject) return null;
    return e.run.activityId ? (
      <a
        className="break-words text-indigo-700 hover:underline"
        href={`${dmUrl.replace(/\/+$/, "")}/review/${e.run.activityId}`}
      >
        {e.run.subject}
      </a>
    ) : (
      <span className="break-words">Plan “{e.run.subject}”</span>
    );
  }
  const by = e.actor ? (e.actor.name ?? e.actor.email ?? "a deleted account") : "Leadmetrics (welcome credits)";
  return (
    <span className="break-words">
      {e.note ? <>“{e.note}” · </> : null}
      <span className="text-slate-500">by {by}</span>
    </span>
  );
}

/** The ledger, newest first, paged with `?page=`. */
/** The ledger, dated in the tenant's own zone. */
export function Ledger({
  credits,
  tenantId,
  dmUrl,
  timeZone,
}: {
  credits: Credits;
  tenantId: string;
  dmUrl: string;
  timeZone: string;
}) {
  const { ledger } = credits;
  return (
    <>
      <Table
        caption="Credit ledger"
        rows={ledger.items}
        rowKey={(e) => e.id}
        empty={<p className="text-sm text-slate-500">No credits granted or spent yet.</p>}
        columns={[
          { header: "Entry", cell: (e) => <span className="font-medium">{ledgerLine(e)}</span> },
          { header: "About", cell: (e) => <EntryDetail entry={e} dmUrl={dmUrl} /> },
          {
            header: "When",
            cell: (e) => (
              <span className="whitespace-nowrap">{formatDateTime(e.createdAt, timeZone, { zoneName: true })}</span>
            ),
          },
        ]}
      />
      <Pager path={`/tenants/${tenantId}`} page={ledger.page} pageSize={ledger.pageSize} total={ledger.total} />
    </>
  );
}

/** What waits for credits, and so what the next grant resumes. */
export function CreditWaiters({ waiting, dmUrl }: { waiting: Credits["waiting"]; dmUrl: string }) {
  if (waiting.activityCount === 0 && waiting.jobCount === 0)
    return <p className="text-sm text-slate-600">Nothing waits for credits.</p>;
  const more = waiting.activityCount - waiting.activities.length;
  return (
    <div className="text-sm" data-testid="credit-waiters">
      {waiting.activityCount > 0 ? (
        <>
          <p className="font-medium text-orange-800">
            {waiting.activityCount} {waiting.activityCount === 1 ? "draft waits" : "drafts wait"} for credits
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {waiting.activities.map((a) => (
              <li key={a.id}>
                <a
                  className="break-words text-indigo-700 hover:underline"
                  href={`${dmUrl.replace(/\/+$/, "")}/review/${a.id}`}
                >
                  {a.title}
                </a>
              </li>
            ))}
            {more > 0 ? <li className="text-slate-500">and {more} more</li> : null}
          </ul>
        </>
      ) : null}
      {waiting.jobCount > 0 ? (
        <p className="mt-2 text-slate-700">
          The next grant{" "}
          {waiting.activityCount === 1
            ? "moves this draft back to drafting and "
            : waiting.activityCount > 1
              ? "moves these drafts back to drafting and "
              : ""}
          replays{" "}
          {waiting.jobsByQueue.map((q, i) => (
            <span key={q.queue}>
              {i > 0 ? ", " : ""}
              {q.count} {q.label} {q.count === 1 ? "run" : "runs"}
            </span>
          ))}
          , oldest first, while the credits last.
        </p>
      ) : null}
    </div>
  );
}
