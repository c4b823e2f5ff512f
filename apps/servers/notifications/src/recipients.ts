import type { Db } from "@leadmetrics/db";
import { portalOf, type RecipientPortal } from "@leadmetrics/notification-events";
import { type NotificationChannel, type NotificationJob, PermanentJobError } from "@leadmetrics/queue";

export interface UserRecipient {
  kind: "user";
  userId: string;
  email: string;
  name: string;
  /** Which portal their links open. */
  portal: RecipientPortal;
}
export interface AddressRecipient {
  kind: "address";
  email: string;
  name: string;
}
export type Recipient = UserRecipient | AddressRecipient;
/** A recipient as a channel sees it: with the addresses the chat channels need. */
export type ChannelRecipient = Recipient & { whatsappNumber?: string | null; telegramChatId?: string | null };

const userSelect = { id: true, email: true, name: true, platformRole: true } as const;
const toUser = (
  u: { id: string; email: string; name: string; platformRole: string },
  portal?: RecipientPortal,
): UserRecipient => ({
  kind: "user",
  userId: u.id,
  email: u.email,
  name: u.name,
  portal: portal ?? portalOf(u.platformRole),
});

/** Who a notification is for: one user, an address, or a group resolved now (not when it was queued). */
export async function resolveRecipients(
  db: Db,
  job: Pick<NotificationJob, "recipient" | "tenantId">,
  alertsEmails: string[],
): Promise<Recipient[]> {
  const r = job.recipient;
  if ("userId" in r) {
    const user = await db.user.findFirst({ where: { id: r.userId, disabledAt: null }, select: userSelect });
    return user ? [toUser(user)] : [];
  }
  if ("email" in r) return [{ kind: "address", email: r.email, name: r.email }];
  switch (r.group) {
    case "dm_reviewers":
      return (
        await db.user.findMany({
          where: { platformRole: { in: ["dm_reviewer", "super_admin"] }, disabledAt: null },
          select: userSelect,
        })
      ).map((u) => toUser(u, "dm"));
    case "tenant_admins":
      if (!job.tenantId) return [];
      return (
        await db.tenantMember.findMany({
          where: { tenantId: job.tenantId, role: { in: ["owner", "admin"] }, user: { disabledAt: null } },
          select: { user: { select: userSelect } },
        })
      ).map((m) => toUser(m.user, "dashboard"));
    case "operators":
      return alertsEmails.map((email) => ({ kind: "address" as const, email, name: "Operators" }));
  }
}

/** The one user or address a channel job is for, read now; null when the user is gone or disabled. */
export async function loadChannelRecipient(
  db: Db,
  recipient: NotificationJob["recipient"],
): Promise<ChannelRecipient | null> {
  if ("userId" in recipient) {
    const user = await db.user.findFirst({
      where: { id: recipient.userId, disabledAt: null },
      select: { ...userSelect, whatsappNumber: true, telegramChatId: true },
    });
    if (!user) return null;
    return { ...toUser(user), whatsappNumber: user.whatsappNumber, telegramChatId: user.telegramChatId };
  }
  if ("email" in recipient) return { kind: "address", email: recipient.email, name: recipient.email };
  throw new PermanentJobError("channel jobs address one user or one email");
}

/** The channels a user gets an event on: their preference where they set one, the event's default otherwise. */
export async function channelsFor(
  db: Db,
  userIds: string[],
  event: string,
  defaults: readonly NotificationChannel[],
  all: readonly NotificationChannel[],
  mandatory: boolean,
) {
  const prefs = mandatory
    ? []
    : await db.notificationPreference.findMany({ where: { userId: { in: userIds }, event } });
  return new Map(
    userIds.map((id) => [
      id,
      all.filter((channel) => {
        const pref = prefs.find((p) => p.userId === id && p.channel === channel);
        return pref ? pref.enabled : defaults.includes(channel);
      }),
    ]),
  );
}
