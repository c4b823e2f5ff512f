import type { OneTimeLink } from "./events";

/** The portals notification links open in. */
export type RecipientPortal = "dashboard" | "dm";

/** Staff (any platform role) open their links in the DM portal, clients in the Dashboard. */
export const portalOf = (platformRole: string): RecipientPortal => (platformRole === "none" ? "dashboard" : "dm");

/** An activity's page in a portal: reviewers open it in the DM review page, clients in the Dashboard. */
export const activityPath = (portal: RecipientPortal, activityId: unknown): string =>
  portal === "dm" ? `/review/${activityId}` : `/activities/${activityId}`;

/** Where each portal is served (the notifications server's DASHBOARD_URL and DM_URL). */
export type PortalUrls = Record<RecipientPortal, string>;

/** An absolute link into a portal; an address without an account opens the Dashboard. */
export const portalUrl = (urls: PortalUrls, portal: RecipientPortal | undefined, path: string): string =>
  `${urls[portal ?? "dashboard"]}${path}`;

/** The URL a one-time-link email carries: the link's page in the recipient's portal, with the token. */
export const oneTimeLinkUrl = (urls: PortalUrls, portal: RecipientPortal, link: OneTimeLink, token: string): string =>
  portalUrl(urls, portal, `${link.path}?token=${encodeURIComponent(token)}`);

/** Every portal's notification settings page: emails' "manage notifications" link opens it. */
export const NOTIFICATION_SETTINGS_PATH = "/settings/notifications";

/** The settings page in the recipient's portal; an address without an account has none to manage. */
export const notificationSettingsUrl = (urls: PortalUrls, portal: RecipientPortal | undefined): string | null =>
  portal ? portalUrl(urls, portal, NOTIFICATION_SETTINGS_PATH) : null;
