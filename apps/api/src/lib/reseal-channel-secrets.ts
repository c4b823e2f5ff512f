import type { SecretBox } from "@leadmetrics/crypto";
import { type Db, writeAudit } from "@leadmetrics/db";

export interface ResealResult {
  /** Channels whose credentials were sealed again under the current key. */
  resealed: number;
  /** Already under the current key. */
  current: number;
  /** Opened by no configured key: left as they are, named so an operator can reconnect them. */
  unreadable: { id: string; tenantId: string }[];
}

/**
 * The second half of a CHANNEL_SECRETS_KEY rotation: every channel credential still sealed
 * under a previous key is sealed again under the current one. A row changed meanwhile (a
 * reconnect) is left to that change; re-running is harmless. One audit row per tenant touched.
 */
export async function resealChannelSecrets(db: Db, box: SecretBox, batchSize = 200): Promise<ResealResult> {
  const result: ResealResult = { resealed: 0, current: 0, unreadable: [] };
  const byTenant = new Map<string, number>();
  let after: string | undefined;
  for (;;) {
    const rows = await db.connectedChannel.findMany({
      select: { id: true, tenantId: true, credentialsEncrypted: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      let plaintext: string;
      try {
        if (box.isCurrent(row.credentialsEncrypted)) {
          result.current++;
          continue;
        }
        plaintext = box.decrypt(row.credentialsEncrypted);
      } catch {
        result.unreadable.push({ id: row.id, tenantId: row.tenantId });
        continue;
      }
      // Compare-and-set: only the value that was read is replaced.
      const { count } = await db.connectedChannel.updateMany({
        where: { id: row.id, credentialsEncrypted: row.credentialsEncrypted },
        data: { credentialsEncrypted: box.encrypt(plaintext) },
      });
      if (count === 1) {
        result.resealed++;
        byTenant.set(row.tenantId, (byTenant.get(row.tenantId) ?? 0) + 1);
      }
    }
  }
  for (const [tenantId, channels] of byTenant) {
    await writeAudit(db, {
      tenantId,
      action: "channel.credentials_resealed",
      targetType: "tenant",
      targetId: tenantId,
      metadata: { channels },
    });
  }
  return result;
}
