/**
 * `pnpm secrets:reseal`: after CHANNEL_SECRETS_KEY was changed (the old key moved to
 * CHANNEL_SECRETS_PREVIOUS_KEYS), seals every channel credential again under the new key, so
 * the old key can then be removed. Exits 1 when a credential opens with none of the keys.
 */
import { loadConfigOrExit } from "@leadmetrics/config";
import { channelSecretBox } from "@leadmetrics/crypto";
import { createDb } from "@leadmetrics/db";
import { apiConfigSchema } from "../src/config";
import { resealChannelSecrets } from "../src/lib/reseal-channel-secrets";

const config = loadConfigOrExit(apiConfigSchema, "secrets:reseal");
const db = createDb({ url: config.DATABASE_URL, poolMax: 2 });
try {
  const result = await resealChannelSecrets(db, channelSecretBox(config));
  process.stdout.write(
    `channel credentials: ${result.resealed} resealed, ${result.current} already under the current key, ${result.unreadable.length} unreadable\n`,
  );
  for (const row of result.unreadable)
    process.stdout.write(`  unreadable: channel ${row.id} (tenant ${row.tenantId}) — reconnect it\n`);
  process.exitCode = result.unreadable.length ? 1 : 0;
} finally {
  await db.$disconnect();
}
