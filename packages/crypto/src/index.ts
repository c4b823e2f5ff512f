import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

export interface SecretBox {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** True when the current key opens it; false when only a previous key does (reseal it). */
  isCurrent(sealed: string): boolean;
}

/**
 * AES-256-GCM with a random 96-bit nonce per message; the output carries a version tag so the
 * key can be rotated (`previousKeys` still decrypt). Key: 32 bytes, base64 in the environment.
 */
export function createSecretBox(keyBase64: string, previousKeysBase64: string[] = []): SecretBox {
  const keys = [keyBase64, ...previousKeysBase64].map((k, i) => {
    const key = Buffer.from(k, "base64");
    if (key.length !== 32)
      throw new Error(`encryption key ${i === 0 ? "" : `(previous #${i}) `}must be 32 bytes, base64-encoded`);
    return key;
  });
  const open = (sealed: string): { plaintext: string; keyIndex: number } | null => {
    const [version, iv, tag, data] = sealed.split(".");
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
    for (const [keyIndex, key] of keys.entries()) {
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
        decipher.setAuthTag(Buffer.from(tag, "base64"));
        return {
          plaintext: Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8"),
          keyIndex,
        };
      } catch {
        // wrong key or tampered: try the next key
      }
    }
    return null;
  };
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys[0]!, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(
        ".",
      );
    },
    decrypt(sealed) {
      const opened = open(sealed);
      if (!opened) throw new Error("secret could not be decrypted (wrong key or tampered data)");
      return opened.plaintext;
    },
    isCurrent(sealed) {
      return open(sealed)?.keyIndex === 0;
    },
  };
}

/** The channel-credentials box of a process's configuration (the current key and any being rotated out). */
export const channelSecretBox = (config: {
  CHANNEL_SECRETS_KEY: string;
  CHANNEL_SECRETS_PREVIOUS_KEYS?: string[];
}): SecretBox => createSecretBox(config.CHANNEL_SECRETS_KEY, config.CHANNEL_SECRETS_PREVIOUS_KEYS ?? []);
