"use client";
import type { paths } from "@leadmetrics/api-client";
import { type MouseEvent, useState, useTransition } from "react";
import { Alert, EmptyState, PageHeader } from "./index";
import { announceUnread } from "./unread-signal";

export type InboxPage = paths["/auth/v1/me/notifications"]["get"]["responses"][200]["content"]["application/json"];
type Item = InboxPage["items"][number];
type Failure = { error: string };
const isFailure = (r: object): r is Failure => "error" in r;

export interface InboxActions {
  loadPage(page: number): Promise<InboxPage | Failure>;
  markRead(id: string): Promise<{ ok: true } | Failure>;
  markAllRead(): Promise<{ marked: number } | Failure>;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "5 minutes ago", "yesterday": how long ago, in words. */
export function timeAgo(iso: string, now = Date.now()): string {
  let value = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size)
      return unit === "second" && Math.abs(value) < 45 ? "just now" : relative.format(Math.round(value), unit);
    value /= size;
  }
  return relative.format(Math.round(value), "year");
}

/** The sentence of a notification with the object's name set apart. */
function Sentence({ item }: { item: Item }) {
  const at = item.objectTitle ? item.body.indexOf(item.objectTitle) : -1;
  if (!item.objectTitle || at < 0) return <>{item.body}</>;
  return (
    <>
      {item.body.slice(0, at)}
      <span className="font-semibold text-slate-900">{item.objectTitle}</span>
      {item.body.slice(at + item.objectTitle.length)}
    </>
  );
}

/**
 * The inbox: unread first, then newest; each notification opens its object (and is read by
 * opening it), or is marked read on its own; "Mark all read"; more on demand.
 */
export function NotificationInbox(props: { initial: InboxPage; actions: InboxActions }) {
  const [items, setItems] = useState(props.initial.items);
  const [total, setTotal] = useState(props.initial.total);
  const [unread, setUnread] = useState(props.initial.unreadCount);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, startLoading] = useTransition();
  const [markingAll, startMarkingAll] = useTransition();
  const [pendingId, setPendingId] = useState<string | null>(null);

  const setUnreadEverywhere = (n: number) => {
    setUnread(n);
    announceUnread(n);
  };
  const markLocally = (id: string) => {
    const item = items.find((i) => i.id === id);
    if (!item || item.read) return;
    setItems((prev) => prev.map((i) => (i.id === id ? { ...i, read: true } : i)));
    setUnreadEverywhere(Math.max(0, unread - 1));
  };

  async function markOne(id: string) {
    setPendingId(id);
    setError(null);
    const res = await props.actions.markRead(id);
    setPendingId(null);
    if (isFailure(res)) setError(`Could not mark it read: ${res.error}`);
    else markLocally(id);
  }

  function open(event: MouseEvent<HTMLAnchorElement>, item: Item, href: string) {
    if (item.read) return;
    // A new tab or window: the link opens as usual and the read marker follows.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
      void props.actions.markRead(item.id).then((r) => !isFailure(r) && markLocally(item.id));
      return;
    }
    event.preventDefault();
    setPendingId(item.id);
    // Opening marks it read first; a failure to mark does not keep anyone from the object.
    void props.actions
      .markRead(item.id)
      .catch(() => undefined)
      .finally(() => window.location.assign(href));
  }

  const loadMore = () =>
    startLoading(async () => {
      setError(null);
      const res = await props.actions.loadPage(page + 1);
      if (isFailure(res)) {
        setError(`Could not load more: ${res.error}`);
        return;
      }
      setPage(page + 1);
      setTotal(res.total);
      setUnreadEverywhere(res.unreadCount);
      // Reading reorders the list (unread first): a row already shown is not shown twice.
      setItems((prev) => [...prev, ...res.items.filter((n) => !prev.some((p) => p.id === n.id))]);
    });

  const markAll = () =>
    startMarkingAll(async () => {
      setError(null);
      const res = await props.actions.markAllRead();
      if (isFailure(res)) {
        setError(`Could not mark them read: ${res.error}`);
        return;
      }
      setItems((prev) => prev.map((i) => ({ ...i, read: true })));
      setUnreadEverywhere(0);
    });

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Notifications"
        subtitle={items.length === 0 ? undefined : unread > 0 ? `${unread} unread` : "You're all caught up."}
        actions={
          <>
            <button
              type="button"
              onClick={markAll}
              disabled={unread === 0 || markingAll}
              className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-50"
            >
              {markingAll ? "Marking…" : "Mark all read"}
            </button>
            <a
              href="/settings/notifications"
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
            >
              Settings
            </a>
          </>
        }
      />
      {error ? <Alert kind="error">{error} Please try again.</Alert> : null}
      {items.length === 0 ? (
        <EmptyState title="You're all caught up">
          New drafts, approvals and publishing news will appear here as they happen.
        </EmptyState>
      ) : (
        <ul
          aria-label="Notifications"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {items.map((item) => {
            const href = item.url ?? item.link;
            return (
              <li
                key={item.id}
                data-testid="notification"
                data-read={item.read}
                className={`flex gap-3 px-4 py-3 ${item.read ? "" : "bg-indigo-50/40"}`}
              >
                <span
                  aria-hidden="true"
                  className={`mt-1.5 size-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-indigo-600"}`}
                />
                <div className="min-w-0 flex-1">
                  <p className={`break-words text-sm ${item.read ? "text-slate-600" : "text-slate-800"}`}>
                    {item.read ? null : <span className="sr-only">Unread: </span>}
                    {href ? (
                      <a href={href} onClick={(e) => open(e, item, href)} className="hover:underline">
                        <Sentence item={item} />
                      </a>
                    ) : (
                      <Sentence item={item} />
                    )}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    <time
                      dateTime={item.createdAt}
                      title={new Date(item.createdAt).toUTCString()}
                      suppressHydrationWarning
                    >
                      {timeAgo(item.createdAt)}
                    </time>
                  </p>
                </div>
                {item.read ? null : (
                  <button
                    type="button"
                    onClick={() => markOne(item.id)}
                    disabled={pendingId === item.id}
                    className="shrink-0 self-start rounded-md px-2 py-1 text-xs text-indigo-700 hover:bg-indigo-50 disabled:opacity-50"
                  >
                    {pendingId === item.id ? "Marking…" : "Mark read"}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {items.length < total ? (
        <div className="mt-4 flex items-center justify-between text-sm text-slate-600">
          <span>
            {items.length} of {total}
          </span>
          <button
            type="button"
            onClick={loadMore}
            disabled={loadingMore}
            className="rounded-md border border-slate-300 bg-white px-3.5 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-50"
          >
            {loadingMore ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
