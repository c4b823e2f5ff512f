import { DELIVERABLE_TYPES, deliverableTypePluralLabel } from "@leadmetrics/catalog";
import { BOARD_COLUMNS, columnLabel } from "./board-columns";
import { FiltersFold } from "./filters-fold";

export interface BoardQuery {
  view: "board" | "list";
  plan?: string;
  type?: string;
  status?: string;
  channel?: string;
  q?: string;
  sort?: "due";
}

/** The query string of the board with some values changed; empty values are left out. */
export function boardHref(query: BoardQuery, change: Partial<BoardQuery> = {}): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  if (merged.view === "list") params.set("view", "list");
  for (const key of ["q", "plan", "type", "status", "channel", "sort"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return `/activities${s ? `?${s}` : ""}`;
}

export const activeFilterCount = (q: BoardQuery) => [q.plan, q.type, q.status, q.channel, q.q].filter(Boolean).length;

const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** One filter: its label, "any" first, then each option as [value, words]. */
function FilterSelect(props: {
  name: keyof BoardQuery;
  label: string;
  any: string;
  value: string | undefined;
  options: [string, string][];
}) {
  const id = `filter-${props.name}`;
  return (
    <div>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={select}>
        <option value="">{props.any}</option>
        {props.options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The filters and the search, as a GET form: every value lives in the URL, so a filtered board
 * can be shared and survives a reload. On a phone the selects fold away under
 * "Filters".
 */
export function BoardFilters(props: { query: BoardQuery; plans: { id: string; name: string }[]; channels: string[] }) {
  const { query } = props;
  const active = activeFilterCount(query);
  return (
    <form method="get" action="/activities" className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
      {query.view === "list" ? <input type="hidden" name="view" value="list" /> : null}
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div className="flex gap-2">
        <label className="min-w-0 flex-1">
          <span className="sr-only">Search activities</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={200}
            placeholder="Search titles and topics"
            className="block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </label>
        <button
          type="submit"
          className="shrink-0 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Apply
        </button>
      </div>
      <FiltersFold summary={`Filters${active ? ` (${active})` : ""}`} keepOpen={active > 0}>
        <div className="mt-2 grid grid-cols-1 gap-3 text-sm text-slate-700 sm:grid-cols-2 md:mt-0 lg:grid-cols-4">
          <FilterSelect
            name="plan"
            label="Plan"
            any="All plans"
            value={query.plan}
            options={props.plans.map((p) => [p.id, p.name])}
          />
          <FilterSelect
            name="type"
            label="Type"
            any="All types"
            value={query.type}
            options={DELIVERABLE_TYPES.map((t) => [t, deliverableTypePluralLabel(t)])}
          />
          <FilterSelect
            name="status"
            label="Status"
            any="Any status"
            value={query.status}
            options={BOARD_COLUMNS.map((c) => [c.id, columnLabel(c.id)])}
          />
          <FilterSelect
            name="channel"
            label="Channel"
            any="All channels"
            value={query.channel}
            options={props.channels.map((c) => [c, c])}
          />
        </div>
      </FiltersFold>
      {active > 0 ? (
        <p className="mt-2 text-sm">
          <a className="text-indigo-700 hover:underline" href={boardHref({ view: query.view, sort: query.sort })}>
            Clear filters
          </a>
        </p>
      ) : null}
    </form>
  );
}
