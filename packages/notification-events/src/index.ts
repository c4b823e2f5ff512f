export {
  type EventAudience,
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  NOTIFICATION_EVENT_GROUPS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationEventGroup,
  type OneTimeLink,
} from "./events";
export {
  activityPath,
  NOTIFICATION_SETTINGS_PATH,
  notificationSettingsUrl,
  oneTimeLinkUrl,
  type PortalUrls,
  portalOf,
  portalUrl,
  type RecipientPortal,
} from "./portals";
