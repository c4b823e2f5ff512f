import { activityPath, type RecipientPortal } from "./portals";

/** A single-use link an email carries; see `EventDefinition.oneTimeLink`. */
export interface OneTimeLink {
  purpose: "password_reset" | "invite";
  ttlMs: number;
  /** The portal page that takes the token. */
  path: string;
  /** The template variable the link is rendered as. */
  field: string;
}

/** Who an event is addressed to: the settings page of a portal shows the events its people get. */
export type EventAudience = "staff" | "client" | "everyone" | "operators";

/** The headings the settings page groups events under, in this order. */
export const NOTIFICATION_EVENT_GROUPS = ["Drafts and approvals", "Publishing", "Your account"] as const;
export type NotificationEventGroup = (typeof NOTIFICATION_EVENT_GROUPS)[number];

/**
 * What the platform does with one event. `C` names the channels: the queue package owns that list
 * (a queue per channel), so a consumer that has it reads definitions as
 * `EventDefinition<NotificationChannel>` and a default naming no channel fails its typecheck.
 */
export interface EventDefinition<C extends string = string> {
  /** What the event is, in words, for the settings page ("A new draft is waiting for review"). */
  label: string;
  group: NotificationEventGroup;
  audience: EventAudience;
  /** Channels used when the user has no preference for this event. */
  defaults: readonly C[];
  /** Sent whatever the preferences say (security mail); `why` is what the settings page says about it. */
  mandatory?: { why: string };
  /** Where a click leads, relative to the recipient's portal (each portal has its own page of an activity). */
  link?: (data: Record<string, unknown>, portal: RecipientPortal) => string;
  /**
   * A single-use link the email carries (password reset, invitation). It is minted by the
   * sender just before sending, so the token is never in a job payload, the outbox, Redis or a
   * FailedJob row; only its hash is stored (UserToken).
   */
  oneTimeLink?: OneTimeLink;
  /**
   * Its emails are batched per recipient: the first one opens a window (the notifications
   * server's NOTIFICATION_DIGEST_WINDOW_MS) and one email lists every event of the window. Other
   * channels stay immediate.
   */
  digest?: boolean;
}

/** Every event the platform notifies about; each has templates in the notifications server. */
export const NOTIFICATION_EVENT_DEFINITIONS = {
  draft_ready_for_review: {
    label: "A new draft is waiting for review",
    group: "Drafts and approvals",
    audience: "staff",
    defaults: ["in_app", "email"],
    link: (d, portal) => activityPath(portal, d.activityId),
    digest: true,
  },
  needs_attention: {
    label: "A draft needs attention after repeated rejections or a failed run",
    group: "Drafts and approvals",
    audience: "staff",
    defaults: ["in_app", "email"],
    link: (d, portal) => activityPath(portal, d.activityId),
  },
  waiting_for_credits: {
    label: "Drafts are waiting because the credits ran out",
    group: "Drafts and approvals",
    audience: "everyone",
    defaults: ["in_app", "email"],
    // Clients see their balance; reviewers see which clients wait.
    link: (_d, portal) => (portal === "dm" ? "/needs-attention" : "/credits"),
  },
  ready_for_client_review: {
    label: "A reviewed draft is ready for your approval",
    group: "Drafts and approvals",
    audience: "client",
    defaults: ["in_app", "email", "push"],
    link: (d, portal) => activityPath(portal, d.activityId),
    digest: true,
  },
  published: {
    label: "Approved work is published",
    group: "Publishing",
    audience: "client",
    defaults: ["in_app", "email", "push"],
    link: (d, portal) => activityPath(portal, d.activityId),
  },
  publish_failed: {
    label: "Publishing failed",
    group: "Publishing",
    audience: "everyone",
    defaults: ["in_app", "email"],
    link: (d, portal) => activityPath(portal, d.activityId),
  },
  channel_needs_reconnect: {
    label: "A connected channel needs reconnecting",
    group: "Publishing",
    audience: "client",
    defaults: ["in_app", "email"],
    link: () => "/channels",
  },
  password_reset: {
    label: "A password reset link you asked for",
    group: "Your account",
    audience: "everyone",
    defaults: ["email"],
    mandatory: { why: "Always emailed: it is how you get back into your account." },
    oneTimeLink: { purpose: "password_reset", ttlMs: 30 * 60_000, path: "/reset-password", field: "resetUrl" },
  },
  invitation: {
    label: "An invitation to a workspace",
    group: "Your account",
    audience: "everyone",
    defaults: ["email"],
    mandatory: { why: "Always emailed: the invitation link is how you join." },
    oneTimeLink: { purpose: "invite", ttlMs: 7 * 24 * 60 * 60_000, path: "/accept-invite", field: "acceptUrl" },
  },
  job_failed: {
    label: "A background job failed for good",
    group: "Your account",
    audience: "operators",
    defaults: ["email"],
    mandatory: { why: "Operators' alerts go to the operations address, whatever anyone's settings." },
  },
} as const satisfies Record<string, EventDefinition>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENT_DEFINITIONS;
export const NOTIFICATION_EVENTS = Object.keys(NOTIFICATION_EVENT_DEFINITIONS) as NotificationEvent[];
