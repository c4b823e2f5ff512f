import { DELIVERABLE_TYPES, type DeliverableTypeId, deliverableTypeLabel } from "@leadmetrics/catalog";
import { Alert, Card, EmptyState, PageHeader, Pager, pageParam, StatusBadge, Table } from "@leadmetrics/ui";
import { serverApi, unwrap, workspaceMetadata } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import { type ActivityCard, ActivityCardView, ChannelTag, cardDate, WaitsFor } from "./activity-card";
import { BOARD_COLUMNS, columnLabel, columnOf, isBoardColumn, statusesOf } from "./board-columns";
import { activeFilterCount, BoardFilters, type BoardQuery, boardHref } from "./board-filters";

export const generateMetadata = () => workspaceMetadata("Activities");

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTER_KEYS = ["q", "plan", "type", "status", "channel", "sort", "view"] as const;
const BOARD_SIZE = 200;
const LIST_SIZE = 50;

/** The URL's filters, with anything that is not a valid value dropped (a stale link never errors). */
function readQuery(s: Search): BoardQuery {
  const plan = one(s.plan);
  const type = one(s.type);
  const status = one(s.status);
  return {
    view: one(s.view) === "list" ? "list" : "board",
    plan: plan && UUID.test(plan) ? plan : undefined,
    type: type && (DELIVERABLE_TYPES as readonly string[]).includes(type) ? type : undefined,
    status: isBoardColumn(status) ? status : undefined,
    channel: one(s.channel)?.slice(0, 64),
    q: one(s.q)?.slice(0, 200),
    sort: one(s.sort) === "due" ? "due" : undefined,
  };
}

/** The activities board (or list): every deliverable of the workspace, filtered from the URL. */
export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const query = readQuery(search);
  // A GET form sends its empty fields too: answer with the short URL people share.
  if (FILTER_KEYS.some((k) => k in search && !one(search[k]))) {
    const page = one(search.page);
    redirect(`${boardHref(query)}${page ? `${boardHref(query).includes("?") ? "&" : "?"}page=${page}` : ""}`);
  }
  const welcome = one(search.welcome);
  const list = query.view === "list";
  const page = list ? pageParam(search.page) : 1;
  const api = await serverApi("dashboard");
  const [data, plans] = await Promise.all([
    api
      .GET("/tenant/v1/activities", {
        params: {
          query: {
            pageSize: list ? LIST_SIZE : BOARD_SIZE,
            page,
            ...(query.plan ? { planId: query.plan } : {}),
            ...(query.type ? { type: query.type as DeliverableTypeId } : {}),
            ...(query.status && isBoardColumn(query.status) ? { status: statusesOf(query.status) } : {}),
            ...(query.channel ? { channel: query.channel } : {}),
            ...(query.q ? { q: query.q } : {}),
            ...(list && query.sort === "due" ? { sort: "due" as const } : {}),
          },
        },
      })
      .then((r) => unwrap("dashboard", r)),
    api.GET("/tenant/v1/plans", { params: { query: { pageSize: 100 } } }).then((r) => unwrap("dashboard", r)),
  ]);
  const filtered = activeFilterCount(query) > 0;
  const channels = [
    ...new Set(plans.items.flatMap((p) => p.items.map((i) => i.channel)).filter((c): c is string => !!c)),
  ].sort();
  if (query.channel && !channels.includes(query.channel)) channels.push(query.channel);

  if (data.total === 0 && !filtered) {
    return (
      <>
        <PageHeader title="Activities" subtitle="0 deliverables across your plans" />
        <GettingStarted welcome={!!welcome} />
      </>
    );
  }
  const viewLink = (view: "board" | "list", label: string) => (
    <a
      href={boardHref(query, { view, sort: view === "list" ? query.sort : undefined })}
      aria-current={query.view === view ? "page" : undefined}
      className={`px-3 py-1.5 text-sm ${query.view === view ? "bg-indigo-600 font-medium text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {label}
    </a>
  );
  return (
    <>
      <PageHeader
        title="Activities"
        subtitle={
          filtered
            ? `${data.total} matching your filters`
            : `${data.total} ${data.total === 1 ? "deliverable" : "deliverables"} across your plans`
        }
        actions={
          <nav aria-label="View" className="inline-flex overflow-hidden rounded-md border border-slate-300 shadow-sm">
            {viewLink("board", "Board")}
            {viewLink("list", "List")}
          </nav>
        }
      />
      <BoardFilters query={query} plans={plans.items} channels={channels} />
      {data.total === 0 ? (
        <EmptyState title="No activities match these filters">
          Try other words or fewer filters.{" "}
          <a className="text-indigo-700 hover:underline" href={boardHref({ view: query.view, sort: query.sort })}>
            Clear filters
          </a>
        </EmptyState>
      ) : list ? (
        <ActivityList data={data} query={query} page={page} />
      ) : (
        <Board items={data.items} counts={data.countsByStatus} total={data.total} query={query} />
      )}
    </>
  );
}

function Board(props: { items: ActivityCard[]; counts: Record<string, number>; total: number; query: BoardQuery }) {
  const columns = BOARD_COLUMNS.filter((c) => {
    if (props.query.status) return c.id === props.query.status;
    return !("onlyWhenNonEmpty" in c) || c.statuses.some((s) => (props.counts[s] ?? 0) > 0);
  });
  return (
    <>
      {props.total > props.items.length ? (
        <Alert kind="info">
          Showing the {props.items.length} most recently changed of {props.total}. Narrow the board with the filters, or
          page through everything in the{" "}
          <a className="underline" href={boardHref(props.query, { view: "list" })}>
            list
          </a>
          .
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {columns.map((column) => {
          const items = props.items.filter((a) => columnOf(a.status) === column.id);
          const count = column.statuses.reduce((n, s) => n + (props.counts[s] ?? 0), 0);
          const label = columnLabel(column.id);
          const credits = column.id === "waiting_for_credits";
          return (
            <section
              key={column.id}
              aria-label={label}
              className={`min-w-0 rounded-lg p-3 ${credits ? "bg-orange-50 ring-1 ring-orange-200" : "bg-slate-100"}`}
            >
              <h2 className="mb-2 flex items-center justify-between text-sm font-semibold text-slate-700">
                {label} <span className="font-normal text-slate-500">{count}</span>
              </h2>
              {credits ? (
                <p className="mb-2 text-xs text-orange-900">
                  Your credits ran out before these could be drafted; they start again once credits are added.{" "}
                  <a className="font-medium underline" href="/credits">
                    See credits
                  </a>
                </p>
              ) : null}
              {items.length === 0 ? (
                <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-xs text-slate-500">
                  Nothing here
                </p>
              ) : (
                <ul className="space-y-2">
                  {items.map((a) => (
                    <li key={a.id}>
                      <ActivityCardView activity={a} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

type ListData = { items: ActivityCard[]; total: number; page: number; pageSize: number };

function ActivityList(props: { data: ListData; query: BoardQuery; page: number }) {
  const { query } = props;
  const sortLink = (sort: "due" | undefined, label: string) => (
    <a
      href={boardHref(query, { sort })}
      aria-current={query.sort === sort ? "true" : undefined}
      className={query.sort === sort ? "font-medium text-slate-900" : "text-indigo-700 hover:underline"}
    >
      {label}
    </a>
  );
  return (
    <>
      <p className="mb-2 flex gap-3 text-sm text-slate-600">
        <span>Sort by</span>
        {sortLink(undefined, "Last changed")}
        {sortLink("due", "Due date")}
      </p>
      <Table
        caption="Activities"
        rows={props.data.items}
        rowKey={(a) => a.id}
        columns={[
          {
            header: "Activity",
            cell: (a) => (
              <a className="font-medium text-indigo-700 hover:underline" href={`/activities/${a.id}`}>
                {a.title}
              </a>
            ),
          },
          { header: "Plan", cell: (a) => a.planName },
          { header: "Type", cell: (a) => deliverableTypeLabel(a.type, { capitalized: true }) },
          { header: "Channel", cell: (a) => <ChannelTag channel={a.channel} /> },
          {
            header: "Status",
            cell: (a) => <StatusBadge status={a.status} />,
          },
          { header: "Waits for", cell: (a) => <WaitsFor activity={a} /> },
          {
            header: query.sort === "due" ? "Due ↑" : "Due",
            cell: (a) => {
              const date = cardDate(a);
              return date ? <span className={date.overdue ? "text-rose-700" : undefined}>{date.label}</span> : "—";
            },
          },
        ]}
      />
      <Pager
        path="/activities"
        query={{
          view: "list",
          q: query.q,
          plan: query.plan,
          type: query.type,
          status: query.status,
          channel: query.channel,
          sort: query.sort,
        }}
        page={props.page}
        pageSize={props.data.pageSize}
        total={props.data.total}
      />
    </>
  );
}

function GettingStarted({ welcome }: { welcome: boolean }) {
  return (
    <Card title={welcome ? "Welcome: your workspace is ready" : "Getting started"}>
      <p className="mb-3 text-sm text-slate-600">
        Nothing is drafted until you approve a plan, and nothing is published until you approve the draft.
      </p>
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>
          <a className="font-medium text-indigo-700 hover:underline" href="/context">
            Describe your business
          </a>
          : brand voice, audience and products guide every draft.
        </li>
        <li>
          <a className="font-medium text-indigo-700 hover:underline" href="/channels">
            Connect your WordPress site
          </a>
          , where approved posts are published.
        </li>
        <li>
          <a className="font-medium text-indigo-700 hover:underline" href="/plans">
            Create and approve a plan
          </a>
          : what gets produced each week or month. Your credits are under{" "}
          <a className="text-indigo-700 hover:underline" href="/credits">
            Credits
          </a>
          .
        </li>
      </ol>
    </Card>
  );
}
