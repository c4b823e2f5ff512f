/** A single-use link an email carries; see `EventDefinition.oneTimeLink`. */
export interface OneTimeLink {
  purpose: "password_reset" | "invite";
  ttlMs: number;
  /** The portal page that takes the token. */
  path: string;
  /** The template variable the link is rendered as. */
  field: string;
}

/**
 * What the platform does with one event. `C` names the channels: the queue package owns that list
 * (a queue per channel), so a consumer that has it reads definitions as
 * `EventDefinition<NotificationChannel>` and a default naming no channel fails its typecheck.
 */
export interface EventDefinition<C extends string = string> {
  /** Channels used when the user has no preference for this event. */
  defaults: readonly C[];
  /** Sent whatever the preferences say (security mail). */
  mandatory?: boolean;
  /** Where a click leads, relative to the recipient's portal. */
  link?: (data: Record<string, unknown>) => string;
  /**
   * A single-use link the email carries (password reset, invitation). It is minted by the
   * sender just before sending, so the token is never in a job payload, the outbox, Redis or a
   * FailedJob row; only its hash is stored (UserToken).
   */
  oneTimeLink?: OneTimeLink;
}

/** Every event the platform notifies about; each has templates in the notifications server. */
export const NOTIFICATION_EVENT_DEFINITIONS = {
  draft_ready_for_review: { defaults: ["in_app", "email"], link: (d) => `/review/${d.activityId}` },
  needs_attention: { defaults: ["in_app", "email"], link: (d) => `/review/${d.activityId}` },
  ready_for_client_review: { defaults: ["in_app", "email", "push"], link: (d) => `/activities/${d.activityId}` },
  published: { defaults: ["in_app", "email", "push"], link: (d) => `/activities/${d.activityId}` },
  publish_failed: { defaults: ["in_app", "email"], link: (d) => `/activities/${d.activityId}` },
  password_reset: {
    defaults: ["email"],
    mandatory: true,
    oneTimeLink: { purpose: "password_reset", ttlMs: 30 * 60_000, path: "/reset-password", field: "resetUrl" },
  },
  invitation: {
    defaults: ["email"],
    mandatory: true,
    oneTimeLink: { purpose: "invite", ttlMs: 7 * 24 * 60 * 60_000, path: "/accept-invite", field: "acceptUrl" },
  },
  job_failed: { defaults: ["email"], mandatory: true },
} as const satisfies Record<string, EventDefinition>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENT_DEFINITIONS;
export const NOTIFICATION_EVENTS = Object.keys(NOTIFICATION_EVENT_DEFINITIONS) as NotificationEvent[];
