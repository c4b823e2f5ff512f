import { generateOpaqueToken, hashOpaqueToken } from "@leadmetrics/auth";
import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import {
  type EventDefinition,
  NOTIFICATION_EVENT_DEFINITIONS,
  oneTimeLinkUrl,
  type PortalUrls,
} from "@leadmetrics/notification-events";
import { type NotificationJob, PermanentJobError } from "@leadmetrics/queue";
import type { Recipient } from "./recipients";

export interface OneTimeLinks {
  urls: PortalUrls;
  /** Development only: the link is also logged, for API-only work without opening the mail sink. */
  logLinks: boolean;
}

/**
 * Mints the single-use link of a reset or invitation email right before it is rendered: only
 * the token's hash is stored, and the token itself exists in this process and the email alone.
 * A retried send mints a fresh link; an unused one simply expires.
 */
export async function withOneTimeLink(
  db: Db,
  links: OneTimeLinks,
  event: NotificationJob["event"],
  to: Recipient,
  data: Record<string, unknown>,
  log: Logger,
): Promise<Record<string, unknown>> {
  const spec = (NOTIFICATION_EVENT_DEFINITIONS[event] as EventDefinition).oneTimeLink;
  if (!spec) return data;
  if (to.kind !== "user") throw new PermanentJobError(`a ${event} email needs a user to address`);
  const token = generateOpaqueToken();
  await db.userToken.create({
    data: {
      userId: to.userId,
      purpose: spec.purpose,
      tokenHash: hashOpaqueToken(token),
      expiresAt: new Date(Date.now() + spec.ttlMs),
    },
  });
  const url = oneTimeLinkUrl(links.urls, to.portal, spec, token);
  if (links.logLinks) log.debug({ oneTimeLink: url, purpose: spec.purpose, userId: to.userId }, "one-time link minted");
  return { ...data, [spec.field]: url };
}
