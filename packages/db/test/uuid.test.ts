import { describe, expect, it } from "vitest";
import { uuidv7 } from "../src";

describe("uuidv7", () => {
  it("is a version 7 UUID of the RFC 9562 variant that carries its millisecond", () => {
    const at = Date.UTC(2026, 11, 2, 12, 0, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it("sorts by time, and differs within one millisecond", () => {
    const ids = [uuidv7(1_000), uuidv7(2_000), uuidv7(3_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1_000 }, () => uuidv7(5_000))).size).toBe(1_000);
  });
});
