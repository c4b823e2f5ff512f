import type { Db } from "@leadmetrics/db";
import type { Send } from "../channel-worker";
import { isInvalidPushToken, type Senders } from "../senders";

/** One push per registered device; a token the provider calls invalid is forgotten. */
export const sendPush =
  (db: Db, push: Senders["push"]): Send =>
  async (_ctx, to, r) => {
    if (to.kind !== "user") return { status: "skipped", note: "push needs a user" };
    if (!push) return { status: "skipped", note: "no push provider configured" };
    const tokens = await db.deviceToken.findMany({ where: { userId: to.userId } });
    if (tokens.length === 0) return { status: "skipped", note: "no registered device" };
    const ids: string[] = [];
    for (const t of tokens) {
      try {
        ids.push((await push.send({ token: t.token, title: r.subject, body: r.short })).messageId);
      } catch (err) {
        if (!isInvalidPushToken(err)) throw err;
        await db.deviceToken.deleteMany({ where: { id: t.id } });
      }
    }
    return ids.length
      ? { status: "sent", messageId: ids.join(",") }
      : { status: "skipped", note: "every device token was invalid" };
  };
