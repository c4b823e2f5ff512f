"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { onUnreadAnnounced } from "./unread-signal";

type Portal = "dashboard" | "dm" | "manage";

/** One socket per tab, authenticated by the portal's httpOnly cookie (sent by the browser). */
function useSocket(apiUrl: string, portal: Portal): Socket | null {
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    const s = io(apiUrl, { path: "/socket.io", transports: ["websocket"], withCredentials: true, auth: { portal } });
    setSocket(s);
    return () => {
      s.disconnect();
    };
  }, [apiUrl, portal]);
  return socket;
}

interface LiveProps {
  apiUrl: string;
  portal: Portal;
  initialUnread: number;
}

/**
 * The notification bell: the unread count, live, opening the inbox. When an activity changes
 * status the current page re-renders on the server (router.refresh), so boards and detail pages
 * stay current.
 */
export function LiveBell({ apiUrl, portal, initialUnread }: LiveProps) {
  const socket = useSocket(apiUrl, portal);
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  const [latest, setLatest] = useState<string | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A server render (navigation, refresh) brings a fresh count.
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => onUnreadAnnounced(setUnread), []);
  useEffect(() => {
    if (!socket) return;
    const onNotification = (n: { title: string; unread: number }) => {
      setUnread(n.unread);
      setLatest(n.title);
      // The open inbox shows the new one at once.
      if (window.location.pathname === "/notifications") router.refresh();
    };
    // Read in this tab or another: every bell of the user follows.
    const onRead = (n: { unread: number }) => setUnread(n.unread);
    const onStatus = () => {
      // Several events arrive together when a plan starts: refresh once.
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => router.refresh(), 300);
    };
    socket.on("notification:new", onNotification);
    socket.on("notification:read", onRead);
    socket.on("activity:status", onStatus);
    return () => {
      socket.off("notification:new", onNotification);
      socket.off("notification:read", onRead);
      socket.off("activity:status", onStatus);
    };
  }, [socket, router]);
  return (
    <a
      href="/notifications"
      className="-mx-2 flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-slate-100"
      data-testid="bell"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-slate-500">
        <path d="M10 2a5 5 0 0 0-5 5v2.6c0 .5-.2 1-.5 1.4L3.3 12.6A1 1 0 0 0 4 14.3h12a1 1 0 0 0 .7-1.7l-1.2-1.6c-.3-.4-.5-.9-.5-1.4V7a5 5 0 0 0-5-5Zm-2 13.5a2 2 0 0 0 4 0H8Z" />
      </svg>
      <span className="text-sm text-slate-700">Notifications</span>
      <span
        role="status"
        aria-label={`${unread} unread notifications`}
        data-testid="unread-count"
        className={`ml-auto inline-flex min-w-6 justify-center rounded-full px-2 py-0.5 text-xs font-semibold ${unread > 0 ? "bg-rose-600 text-white" : "bg-slate-200 text-slate-700"}`}
      >
        {unread}
      </span>
      {latest ? <span className="sr-only">Latest: {latest}</span> : null}
    </a>
  );
}

/** The DM portal's live feed: what is happening across every client, as it happens. */
export function LiveFeed({ apiUrl }: { apiUrl: string }) {
  const socket = useSocket(apiUrl, "dm");
  const [items, setItems] = useState<{ key: string; text: string; at: string }[]>([]);
  useEffect(() => {
    if (!socket) return;
    const onStatus = (e: { activityId: string; title: string; from: string; to: string }) =>
      setItems((prev) =>
        [
          {
            key: `${e.activityId}-${e.to}-${Date.now()}`,
            text: `${e.title}: ${e.from.replace(/_/g, " ")} → ${e.to.replace(/_/g, " ")}`,
            at: new Date().toLocaleTimeString(),
          },
          ...prev,
        ].slice(0, 20),
      );
    socket.on("activity:status", onStatus);
    return () => {
      socket.off("activity:status", onStatus);
    };
  }, [socket]);
  return (
    <section aria-label="Live feed" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Live feed</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Waiting for activity…</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="live-feed">
          {items.map((i) => (
            <li key={i.key}>
              <span className="text-xs text-slate-500">{i.at}</span> {i.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
