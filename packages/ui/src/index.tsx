import { activityStatusLabel, isActivityStatus, type StatusAudience } from "@leadmetrics/catalog";
import { diffWordsWithSpace } from "diff";
import { Fragment, type ReactNode } from "react";
import { formatDateTime, formatRelative } from "./dates";
import type { Flash } from "./flash";
import { NavLinks } from "./nav-links";
import { Toaster } from "./toaster";

export const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

export interface NavItem {
  href: string;
  label: string;
}

/** The frame of every portal page: a sidebar with the portal's sections, a header with the user. */
export function AppShell(props: {
  portalName: string;
  nav: NavItem[];
  user: { name: string; email: string };
  logout: ReactNode;
  live?: ReactNode;
  /** The message the last server action left for this page (shown once, as a toast). */
  flash?: Flash | null;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 md:flex">
      {/* A sidebar on wide screens; on a phone a top bar whose Menu opens the same links (CSS only:
          the bell and the links are mounted once, whatever the width). */}
      <aside className="sticky top-0 z-20 border-b border-slate-200 bg-white md:static md:flex md:w-56 md:shrink-0 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between px-4 py-3 md:px-5 md:py-4">
          <div className="font-semibold text-indigo-700">
            Leadmetrics <span className="font-normal text-slate-500">{props.portalName}</span>
          </div>
          <label
            htmlFor="app-menu"
            className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 md:hidden"
          >
            Menu
          </label>
        </div>
        <input id="app-menu" type="checkbox" className="peer sr-only md:hidden" aria-label="Show the menu" />
        <nav aria-label="Main" className="hidden flex-1 flex-col pb-2 peer-checked:flex md:flex md:pb-0">
          <NavLinks items={props.nav} />
          {props.live ? <div className="border-t border-slate-200 px-4 py-3">{props.live}</div> : null}
          <div className="border-t border-slate-200 px-4 py-3 text-xs text-slate-600">
            <div className="font-medium text-slate-800">{props.user.name}</div>
            <div className="truncate">{props.user.email}</div>
            <div className="mt-2">{props.logout}</div>
          </div>
        </nav>
      </aside>
      <main className="min-w-0 flex-1 p-4 md:p-8">{props.children}</main>
      <Toaster flash={props.flash} />
    </div>
  );
}

export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-col items-start justify-between gap-3 sm:flex-row sm:gap-4">
      <div className="min-w-0">
        <h1 className="break-words text-2xl font-semibold">{props.title}</h1>
        {props.subtitle ? <p className="mt-1 text-sm text-slate-600">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="flex flex-wrap gap-2">{props.actions}</div> : null}
    </header>
  );
}

export function Card(props: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={cx("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", props.className)}>
      {props.title ? (
        <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{props.title}</h2>
      ) : null}
      {props.children}
    </section>
  );
}

const STATUS_STYLE: Record<string, string> = {
  planned: "bg-slate-100 text-slate-700",
  drafting: "bg-amber-100 text-amber-800",
  waiting_for_credits: "bg-orange-100 text-orange-800",
  dm_review: "bg-sky-100 text-sky-800",
  client_review: "bg-violet-100 text-violet-800",
  client_approved: "bg-indigo-100 text-indigo-800",
  publishing: "bg-indigo-100 text-indigo-800",
  published: "bg-emerald-100 text-emerald-800",
  publish_failed: "bg-rose-100 text-rose-800",
  needs_attention: "bg-rose-100 text-rose-800",
  draft: "bg-slate-100 text-slate-700",
  pending_approval: "bg-amber-100 text-amber-800",
  approved: "bg-emerald-100 text-emerald-800",
  rejected: "bg-rose-100 text-rose-800",
  active: "bg-emerald-100 text-emerald-800",
  suspended: "bg-rose-100 text-rose-800",
  failed: "bg-rose-100 text-rose-800",
  replayed: "bg-emerald-100 text-emerald-800",
};
/**
 * A status in words: an activity's from the catalogue ("In review"; to a reviewer, "Waiting for
 * you"), any other (plans, tenants, jobs) from its name ("Pending approval").
 */
export function statusLabel(status: string, audience: StatusAudience = "client"): string {
  if (isActivityStatus(status)) return activityStatusLabel(status, audience);
  const words = status.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every activity and plan status, with a colour and words (not colour alone). */
export function StatusBadge({ status, audience }: { status: string; audience?: StatusAudience }) {
  return (
    <span
      className={cx(
        "inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium",
        STATUS_STYLE[status] ?? "bg-slate-100 text-slate-700",
      )}
    >
      {statusLabel(status, audience)}
    </span>
  );
}

export type ButtonVariant = "primary" | "secondary" | "danger";

/** The classes of a button of this variant: Button's, and SubmitButton's (packages/ui/forms). */
export function buttonClass(variant: ButtonVariant = "primary", size: "md" | "sm" = "md"): string {
  const style = {
    primary: "bg-indigo-600 text-white hover:bg-indigo-700",
    secondary: "bg-white text-slate-800 border border-slate-300 hover:bg-slate-50",
    danger: "bg-rose-600 text-white hover:bg-rose-700",
  }[variant];
  return cx(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium shadow-sm disabled:opacity-50",
    size === "sm" ? "px-2.5 py-1.5 text-xs" : "px-3.5 py-2 text-sm",
    style,
  );
}

export function Button(props: {
  children: ReactNode;
  variant?: ButtonVariant;
  type?: "submit" | "button";
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type={props.type ?? "submit"}
      name={props.name}
      value={props.value}
      disabled={props.disabled}
      className={buttonClass(props.variant)}
    >
      {props.children}
    </button>
  );
}

/** A small spinning circle for work in progress (hidden from screen readers: the text says it). */
export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  );
}

/** A labelled input with its inline error, wired for screen readers. */
export function Field(props: {
  label: string;
  name: string;
  type?: string;
  defaultValue?: string | number;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  min?: number;
  hint?: string;
}) {
  const id = `field-${props.name}`;
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? `${id}-error` : undefined,
    className:
      "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500",
  };
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={props.rows ?? 4} {...common} />
      ) : (
        <input type={props.type ?? "text"} min={props.min} {...common} />
      )}
      {props.hint ? <p className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      {props.error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-rose-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function Alert(props: { kind?: "error" | "success" | "info" | "warning"; children: ReactNode }) {
  const style = {
    error: "border-rose-200 bg-rose-50 text-rose-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  }[props.kind ?? "info"];
  return (
    <div
      role={props.kind === "error" ? "alert" : "status"}
      className={cx("mb-4 rounded-md border px-4 py-3 text-sm", style)}
    >
      {props.children}
    </div>
  );
}

export function EmptyState(props: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-700">{props.title}</p>
      {props.children ? <div className="mt-2 text-sm text-slate-500">{props.children}</div> : null}
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

export function Table<T>(props: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  caption?: string;
  empty?: ReactNode;
}) {
  if (props.rows.length === 0) return <>{props.empty ?? <EmptyState title="Nothing here yet" />}</>;
  const [lead, ...rest] = props.columns;
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          {props.caption ? <caption className="sr-only">{props.caption}</caption> : null}
          <thead className="bg-slate-50">
            <tr>
              {props.columns.map((c) => (
                <th key={c.header} scope="col" className="px-4 py-2.5 text-left font-medium text-slate-600">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.rows.map((row) => (
              <tr key={props.rowKey(row)} className="hover:bg-slate-50">
                {props.columns.map((c) => (
                  <td key={c.header} className="px-4 py-2.5 align-top">
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* On a phone each row is a card: its first column leads, the others follow as labelled lines. */}
      <ul aria-label={props.caption} className="space-y-2 md:hidden">
        {props.rows.map((row) => (
          <li key={props.rowKey(row)} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            {lead ? <div className="mb-2 break-words font-medium">{lead.cell(row)}</div> : null}
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
              {rest.map((c) => (
                <Fragment key={c.header}>
                  <dt className="text-slate-500">{c.header}</dt>
                  <dd className="min-w-0 break-words">{c.cell(row)}</dd>
                </Fragment>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The page number in a list page's search params (`?page=`), 1 when absent or not a number. */
export const pageParam = (raw: string | string[] | undefined): number => {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

/**
 * Previous / next links under a list, keeping the page's filters (`query`) in every link. Plain
 * links: it works without JavaScript, and each page of a list has its own URL.
 */
export function Pager(props: {
  path: string;
  query?: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  /** The total is a lower bound (the list counts only so far): shown as "10,000+". */
  totalCapped?: boolean;
  /**
   * Keyset cursors of the pages around this one: the links carry them (the list reads the page
   * after or before a row instead of skipping every row before it) and the page number only labels.
   */
  cursors?: { next: string | null; prev: string | null };
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const totalText = `${props.total.toLocaleString("en-US")}${props.totalCapped ? "+" : ""}`;
  if (props.total <= props.pageSize && props.page === 1) return null;
  const href = (page: number, cursor?: string | null) => {
    const q = new URLSearchParams(Object.entries(props.query ?? {}).filter((e): e is [string, string] => !!e[1]));
    if (page > 1) q.set("page", String(page));
    // The first page needs no cursor.
    if (cursor && page > 1) q.set("cursor", cursor);
    const s = q.toString();
    return `${props.path}${s ? `?${s}` : ""}`;
  };
  const first = Math.min(props.total, (props.page - 1) * props.pageSize + 1);
  const last = Math.min(props.total, props.page * props.pageSize);
  const link = (page: number, label: string, rel: "prev" | "next", enabled: boolean) =>
    enabled ? (
      <a
        href={href(page, rel === "next" ? props.cursors?.next : props.cursors?.prev)}
        rel={rel}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
      >
        {label}
      </a>
    ) : (
      <span aria-disabled="true" className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-400">
        {label}
      </span>
    );
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p>
        {props.total === 0 ? "No results" : `${first}–${last} of ${totalText}`} · page {Math.min(props.page, pages)}
        {props.totalCapped ? "" : ` of ${pages}`}
      </p>
      <div className="flex gap-2">
        {link(props.page - 1, "Previous", "prev", props.page > 1)}
        {link(props.page + 1, "Next", "next", props.cursors ? props.cursors.next !== null : props.page < pages)}
      </div>
    </nav>
  );
}

/**
 * What changed between two versions, word by word: side by side on a wide screen, one column with
 * removals struck through and additions marked on a narrow one. Changes are announced to screen
 * readers.
 */
export function DiffView(props: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  const parts = diffWordsWithSpace(props.before, props.after);
  // The parts of one diff never reorder: their position is their identity.
  const render = (side: "before" | "after" | "inline") =>
    parts.map((p, i) => {
      if (side === "before" && p.added) return null;
      if (side === "after" && p.removed) return null;
      if (!p.added && !p.removed) {
        // biome-ignore lint/suspicious/noArrayIndexKey: positions are stable
        return <span key={i}>{p.value}</span>;
      }
      return p.removed ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: positions are stable
        <del key={i} className="bg-rose-100 text-rose-900 decoration-rose-400">
          <span className="sr-only">removed: </span>
          {p.value}
        </del>
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: positions are stable
        <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
          <span className="sr-only">added: </span>
          {p.value}
        </ins>
      );
    });
  const column = (label: string, children: ReactNode, className?: string) => (
    <div className={cx("rounded-md border border-slate-200 bg-white", className)}>
      <div className="border-b border-slate-200 px-3 py-2 text-xs font-semibold text-slate-500">{label}</div>
      <pre className="whitespace-pre-wrap break-words p-3 font-sans leading-relaxed">{children}</pre>
    </div>
  );
  return (
    <div className="text-sm" data-testid="diff">
      <div className="hidden grid-cols-2 gap-3 md:grid">
        {column(props.beforeLabel, render("before"))}
        {column(props.afterLabel, render("after"))}
      </div>
      {column(`${props.beforeLabel} → ${props.afterLabel}`, render("inline"), "md:hidden")}
    </div>
  );
}

export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="animate-pulse space-y-2">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity
        <div key={i} className="h-4 rounded bg-slate-200" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

/** Kept for older callers: "3 h ago" in UTC days ("never" with no moment). Prefer formatRelative. */
export function timeAgo(iso: string | null | undefined, now: number = Date.now()): string {
  return formatRelative(iso, { now });
}

/**
 * A moment in UTC, the zone named ("2 Dec 2026, 14:05 UTC"): for operators' lists that mix
 * tenants (Manage). A workspace's own pages use formatDateTime with the workspace's zone.
 */
export function formatDate(iso: string | null | undefined): string {
  return formatDateTime(iso, "UTC", { zoneName: true });
}

/**
 * A moment as its distance from now ("3 h ago"), the full date and time in the zone on hover and
 * to assistive technology (`title`), and machine-readable in `dateTime`.
 */
export function RelativeTime(props: {
  at: string | null | undefined;
  timeZone: string;
  now?: number;
  zoneName?: boolean;
}) {
  if (!props.at) return <>never</>;
  const full = formatDateTime(props.at, props.timeZone, { zoneName: props.zoneName });
  return (
    <time dateTime={props.at} title={full}>
      {formatRelative(props.at, { now: props.now, timeZone: props.timeZone })}
    </time>
  );
}

export { calendarDay, formatCalendarDate, formatDateTime, formatRelative } from "./dates";
export { ActivityHistory, actorPhrase, type HistoryEvent, historySentence } from "./history";
