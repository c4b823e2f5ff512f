"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";

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
 * The notification bell: the unread count, live. When an activity changes status the current
 * page re-renders on the server (router.refresh), so boards and detail pages stay current.
 */
export function LiveBell({ apiUrl, portal, initialUnread }: LiveProps) {
  const socket = useSocket(apiUrl, portal);
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  const [latest, setLatest] = useState<string | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!socket) return;
    const onNotification = (n: { title: string; unread: number }) => {
      setUnread(n.unread);
      setLatest(n.title);
    };
    const onStatus = () => {
      // Several events arrive together when a plan starts: refresh once.
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => router.refresh(), 300);
    };
    socket.on("notification:new", onNotification);
    socket.on("activity:status", onStatus);
    return () => {
      socket.off("notification:new", onNotification);
      socket.off("activity:status", onStatus);
    };
  }, [socket, router]);
  return (
    <div className="flex items-center gap-2" aria-live="polite">
      <span
        role="status"
        aria-label={`${unread} unread notifications`}
        data-testid="unread-count"
        className={`inline-flex min-w-6 justify-center rounded-full px-2 py-0.5 text-xs font-semibold ${unread > 0 ? "bg-rose-600 text-white" : "bg-slate-200 text-slate-700"}`}
      >
        {unread}
      </span>
      <span className="truncate text-xs text-slate-600">{latest ?? "notifications"}</span>
    </div>
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
