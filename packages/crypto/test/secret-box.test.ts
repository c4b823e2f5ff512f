import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "../src";

const key = () => randomBytes(32).toString("base64");

describe("createSecretBox", () => {
  it("round-trips, never repeats a ciphertext, and hides the plaintext", () => {
    const box = createSecretBox(key());
    const a = box.encrypt("app-password 1234");
    const b = box.encrypt("app-password 1234");
    expect(a).not.toBe(b);
    expect(a).not.toContain("app-password");
    expect(box.decrypt(a)).toBe("app-password 1234");
  });

  it("refuses tampered data and a wrong key", () => {
    const box = createSecretBox(key());
    const sealed = box.encrypt("secret");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64");
    expect(() => box.decrypt(parts.join("."))).toThrow(/could not be decrypted/);
    expect(() => createSecretBox(key()).decrypt(sealed)).toThrow(/could not be decrypted/);
  });

  it("decrypts with a previous key during rotation", () => {
    const old = key();
    const sealed = createSecretBox(old).encrypt("rotate me");
    const rotating = createSecretBox(key(), [old]);
    expect(rotating.decrypt(sealed)).toBe("rotate me");
    // Only what the current key sealed counts as current: the rest is due for a reseal.
    expect(rotating.isCurrent(sealed)).toBe(false);
    expect(rotating.isCurrent(rotating.encrypt("fresh"))).toBe(true);
    expect(rotating.isCurrent(createSecretBox(key()).encrypt("someone else's"))).toBe(false);
  });

  it("rejects a key of the wrong size", () => {
    expect(() => createSecretBox(Buffer.from("short").toString("base64"))).toThrow(/32 bytes/);
  });
});
