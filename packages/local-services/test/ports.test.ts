import { describe, expect, it } from "vitest";
import { freePorts, isPortFree } from "../src";

describe("freePorts", () => {
  it("hands out distinct ports that are free to bind", async () => {
    const ports = await freePorts(8);
    expect(ports).toHaveLength(8);
    expect(new Set(ports).size).toBe(8);
    for (const port of ports) expect(await isPortFree(port)).toBe(true);
  });
});
