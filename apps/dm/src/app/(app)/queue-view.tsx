import {
  DELIVERABLE_TYPES,
  type DeliverableTypeId,
  deliverableTypeLabel,
  deliverableTypePluralLabel,
} from "@leadmetrics/catalog";
import { Alert, Card, PageHeader, Pager, pageParam, RelativeTime, StatusBadge, Table } from "@leadmetrics/ui";
import { serverApi, unwrap } from "@leadmetrics/ui/server";
import { OUTCOMES, outcomeOf } from "./outcomes";

export type QueueQuery = {
  tenantId?: string;
  type?: DeliverableTypeId;
  page?: string;
  cursor?: string;
  after?: string;
};
const PAGE_SIZE = 50;

/** The review queue and the needs-attention list: the same view of a different status. */
export async function QueueView(props: { kind: "review" | "attention"; query: QueueQuery }) {
  const api = await serverApi("dm");
  const query = {
    pageSize: PAGE_SIZE,
    page: pageParam(props.query.page),
    ...(props.query.cursor ? { cursor: props.query.cursor } : {}),
    ...(props.query.tenantId ? { tenantId: props.query.tenantId } : {}),
    ...(props.query.type ? { type: props.query.type } : {}),
  };
  const [data, tenants] = await Promise.all([
    (props.kind === "review"
      ? api.GET("/dm/v1/review-queue", { params: { query } })
      : api.GET("/dm/v1/needs-attention", { params: { query } })
    ).then((r) => unwrap("dm", r)),
    api.GET("/dm/v1/tenants").then((r) => unwrap("dm", r)),
  ]);
  // A client's work is dated in the client's own zone (the zone its people and deadlines live in),
  // with the zone named, since one list mixes clients; how long it has waited leads, and needs none.
  const zoneOf = new Map(tenants.items.map((t) => [t.id, t.timezone]));
  const now = Date.now();
  const base = props.kind === "review" ? "/review" : "/needs-attention";
  const after = outcomeOf(props.query.after);
  return (
    <>
      <PageHeader
        title={props.kind === "review" ? "Review queue" : "Needs attention"}
        subtitle={`${data.counts.dm_review} waiting for review · ${data.counts.needs_attention} need attention${data.counts.waiting_for_credits ? ` · ${data.counts.waiting_for_credits} waiting for credits` : ""} · oldest first`}
      />
      {after ? <Alert kind="success">{OUTCOMES[after]}</Alert> : null}
      {props.kind === "attention" && data.counts.waiting_for_credits > 0 ? (
        <Card title="Waiting for credits">
          <p className="mb-2 text-sm text-slate-600">
            These clients' drafts could not start because their credits ran out. Each resumes by itself when an operator
            grants credits in Manage.
          </p>
          <ul className="space-y-1 text-sm">
            {data.counts.byTenant
              .filter((t) => t.waiting_for_credits > 0)
              .map((t) => (
                <li key={t.tenantId}>
                  <strong>{t.tenantName}</strong>: {t.waiting_for_credits}{" "}
                  {t.waiting_for_credits === 1 ? "draft waits" : "drafts wait"}
                </li>
              ))}
          </ul>
        </Card>
      ) : null}
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get" action={base}>
        <label>
          Client
          <select
            name="tenantId"
            defaultValue={props.query.tenantId ?? ""}
            className="ml-2 rounded-md border border-slate-300 px-2 py-1.5"
          >
            <option value="">All clients</option>
            {data.counts.byTenant.map((t) => (
              <option key={t.tenantId} value={t.tenantId}>
                {t.tenantName} ({props.kind === "review" ? t.dm_review : t.needs_attention})
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select
            name="type"
            defaultValue={props.query.type ?? ""}
            className="ml-2 rounded-md border border-slate-300 px-2 py-1.5"
          >
            <option value="">All types</option>
            {DELIVERABLE_TYPES.map((t) => (
              <option key={t} value={t}>
                {deliverableTypePluralLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Filter
        </button>
      </form>
      <Table
        caption={props.kind === "review" ? "Drafts waiting for review" : "Activities that need attention"}
        rows={data.items}
        rowKey={(a) => a.id}
        empty={
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            Nothing waiting. Well done.
          </p>
        }
        columns={[
          {
            header: "Draft",
            cell: (a) => (
              <a className="font-medium text-indigo-700 hover:underline" href={`/review/${a.id}`}>
                {a.title}
              </a>
            ),
          },
          { header: "Client", cell: (a) => a.tenantName },
          { header: "Type", cell: (a) => deliverableTypeLabel(a.type) },
          { header: "Status", cell: (a) => <StatusBadge status={a.status} audience="reviewer" /> },
          { header: "Rejections", cell: (a) => a.dmRejectionCount },
          {
            header: "Waiting since",
            cell: (a) => (
              <RelativeTime at={a.waitingSince} timeZone={zoneOf.get(a.tenantId) ?? "UTC"} now={now} zoneName />
            ),
          },
        ]}
      />
      <Pager
        path={base}
        query={{ tenantId: props.query.tenantId, type: props.query.type }}
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        cursors={{ next: data.nextCursor, prev: data.prevCursor }}
      />
    </>
  );
}
