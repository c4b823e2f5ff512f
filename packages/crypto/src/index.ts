import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

export interface SecretBox {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
}

/**
 * AES-256-GCM with a random 96-bit nonce per message; the output carries a version tag so the
 * key can be rotated (`previousKeys` still decrypt). Key: 32 bytes, base64 in the environment.
 */
export function createSecretBox(keyBase64: string, previousKeysBase64: string[] = []): SecretBox {
  const keys = [keyBase64, ...previousKeysBase64].map((k, i) => {
    const key = Buffer.from(k, "base64");
    if (key.length !== 32) throw new Error(`encryption key ${i === 0 ? "" : `(previous #${i}) `}must be 32 bytes, base64-encoded`);
    return key;
  });
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys[0]!, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
      for (const key of keys) {
        try {
          const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
          decipher.setAuthTag(Buffer.from(tag, "base64"));
          return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
        } catch {
          // wrong key or tampered: try the next key
        }
      }
      throw new Error("secret could not be decrypted (wrong key or tampered data)");
    },
  };
}
