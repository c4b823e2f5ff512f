import type { paths } from "@leadmetrics/api-client";
import type { Portal } from "@leadmetrics/auth/edge";
import { PageHeader } from "./index";
import { type InboxPage, NotificationInbox } from "./notification-inbox";
import { NotificationSettingsForm, type SaveResult } from "./notification-settings-form";
import { formError, serverApi, unwrap } from "./server";

type Preferences =
  paths["/auth/v1/me/notification-preferences"]["get"]["responses"][200]["content"]["application/json"];

const PAGE_SIZE = 20;
const failed = (error: unknown) => ({ error: formError(error).error ?? "Something went wrong; please try again" });

/** The inbox of every portal (`/notifications`): the bell opens it. */
export function createNotificationsPage(portal: Portal) {
  async function loadPage(page: number): Promise<InboxPage | { error: string }> {
    "use server";
    const api = await serverApi(portal);
    const res = await api.GET("/auth/v1/me/notifications", { params: { query: { page, pageSize: PAGE_SIZE } } });
    return res.data ?? failed(res.error);
  }
  async function markRead(id: string): Promise<{ ok: true } | { error: string }> {
    "use server";
    const api = await serverApi(portal);
    const res = await api.POST("/auth/v1/me/notifications/{id}/read", { params: { path: { id } } });
    return res.data ?? failed(res.error);
  }
  async function markAllRead(): Promise<{ marked: number } | { error: string }> {
    "use server";
    const api = await serverApi(portal);
    const res = await api.POST("/auth/v1/me/notifications/read-all");
    return res.data ?? failed(res.error);
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function NotificationsPage() {
    const api = await serverApi(portal);
    const first = unwrap(
      portal,
      await api.GET("/auth/v1/me/notifications", { params: { query: { page: 1, pageSize: PAGE_SIZE } } }),
    );
    // A refresh that brings a new notification starts the list afresh.
    return (
      <NotificationInbox
        key={`${first.items[0]?.id}:${first.total}`}
        initial={first}
        actions={{ loadPage, markRead, markAllRead }}
      />
    );
  };
}

/** Which events a portal's people receive: its settings page shows only those. */
const AUDIENCES: Record<Portal, Preferences["events"][number]["audience"][]> = {
  dashboard: ["client", "everyone"],
  dm: ["staff", "everyone"],
  manage: ["staff", "everyone"],
};

/** The settings of every portal (`/settings/notifications`): emails' "Manage notifications" opens it. */
export function createNotificationSettingsPage(portal: Portal) {
  async function save(items: { event: string; channel: string; enabled: boolean }[]): Promise<SaveResult> {
    "use server";
    const api = await serverApi(portal);
    const res = await api.PUT("/auth/v1/me/notification-preferences", {
      body: { items: items as Preferences["items"] },
    });
    return res.data ? { ok: true } : failed(res.error);
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function NotificationSettingsPage() {
    const api = await serverApi(portal);
    const prefs = unwrap(portal, await api.GET("/auth/v1/me/notification-preferences"));
    const events = prefs.events.filter((e) => AUDIENCES[portal].includes(e.audience));
    return (
      <>
        <PageHeader
          title="Notification settings"
          subtitle="Choose how you hear about each event. Several drafts that arrive within a few minutes come in one email."
          actions={
            <a
              href="/notifications"
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
            >
              Back to notifications
            </a>
          }
        />
        <NotificationSettingsForm
          events={events}
          channels={prefs.channels}
          choices={prefs.items.filter((p) => events.some((e) => e.event === p.event))}
          save={save}
        />
      </>
    );
  };
}
