import type { NotificationChannel } from "./registry";

export interface EventDefinition {
  /** Channels used when the user has no preference for this event. */
  defaults: NotificationChannel[];
  /** Sent whatever the preferences say (security mail). */
  mandatory?: boolean;
  /** Where a click leads, relative to the recipient's portal. */
  link?: (data: Record<string, unknown>) => string;
}

/** Every event the platform notifies about; each has templates in ./templates. */
export const EVENTS = {
  draft_ready_for_review: { defaults: ["in_app", "email"], link: (d) => `/review/${d.activityId}` },
  needs_attention: { defaults: ["in_app", "email"], link: (d) => `/review/${d.activityId}` },
  ready_for_client_review: { defaults: ["in_app", "email", "push"], link: (d) => `/activities/${d.activityId}` },
  published: { defaults: ["in_app", "email", "push"], link: (d) => `/activities/${d.activityId}` },
  publish_failed: { defaults: ["in_app", "email"], link: (d) => `/activities/${d.activityId}` },
  password_reset: { defaults: ["email"], mandatory: true },
  invitation: { defaults: ["email"], mandatory: true },
  job_failed: { defaults: ["email"], mandatory: true },
} satisfies Record<string, EventDefinition>;

export type NotificationEvent = keyof typeof EVENTS;
export const NOTIFICATION_EVENTS = Object.keys(EVENTS) as NotificationEvent[];
