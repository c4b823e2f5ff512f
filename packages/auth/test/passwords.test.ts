import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src";

describe("password hashing", () => {
  it("hashes with argon2id at 19 MiB, 2 passes, 1 lane, in the PHC string format", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain("correct horse");
  });

  it("salts every hash, so the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "same password")).toBe(true);
    expect(await verifyPassword(b, "same password")).toBe(true);
  });

  it("verifies the right password and refuses any other", async () => {
    const hash = await hashPassword("demo-password-1");
    expect(await verifyPassword(hash, "demo-password-1")).toBe(true);
    expect(await verifyPassword(hash, "demo-password-2")).toBe(false);
    expect(await verifyPassword(hash, "Demo-password-1")).toBe(false);
    expect(await verifyPassword(hash, "demo-password-1 ")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("handles passwords beyond ASCII", async () => {
    const password = "pässwörd-🔑-密码";
    const hash = await hashPassword(password);
    expect(await verifyPassword(hash, password)).toBe(true);
    expect(await verifyPassword(hash, "passwörd-🔑-密码")).toBe(false);
  });

  it("answers false, never throws, for a user without a password or a malformed hash", async () => {
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword(undefined, "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "anything")).toBe(false);
  });

  it("spends an argon2 verification even when there is no hash, so timing does not reveal unknown users", async () => {
    // Warm the dummy hash up first: it is computed once, on first use.
    await verifyPassword(null, "warm-up");
    const hash = await hashPassword("a real password");
    const time = async (fn: () => Promise<unknown>) => {
      const started = performance.now();
      for (let i = 0; i < 3; i++) await fn();
      return performance.now() - started;
    };
    const known = await time(() => verifyPassword(hash, "a wrong password"));
    const unknown = await time(() => verifyPassword(null, "a wrong password"));
    // Both run the same argon2 work: without it, no hash would answer in microseconds.
    expect(unknown).toBeGreaterThan(known / 10);
  });
});
