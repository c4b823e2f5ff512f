export {
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type OneTimeLink,
} from "./events";
export { oneTimeLinkUrl, type PortalUrls, portalOf, portalUrl, type RecipientPortal } from "./portals";
