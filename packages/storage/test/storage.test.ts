import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createStorage, InvalidStorageKeyError, newStorageKey } from "../src/index";

const dirs: string[] = [];
const tempStorage = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "storage-test-"));
  dirs.push(dir);
  return { dir, storage: createStorage({ dir }) };
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("local storage driver", () => {
  it("puts, gets and deletes bytes under a generated key", async () => {
    const { dir, storage } = await tempStorage();
    const key = newStorageKey("tenant-1");
    const bytes = Buffer.from([0, 1, 2, 255]);
    await storage.put(key, bytes);
    expect(await storage.get(key)).toEqual(bytes);
    expect(await readdir(path.join(dir, "tenant-1"))).toEqual([key.split("/")[1]]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // idempotent
    expect(await readdir(path.join(dir, "tenant-1"))).toEqual([]);
  });

  it("refuses keys that could leave the root", async () => {
    const { storage } = await tempStorage();
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "", "a/b.png", "%2e%2e/x"]) {
      await expect(storage.put(key, Buffer.from("x")), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });
});
