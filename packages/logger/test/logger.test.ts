import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src";

describe("createLogger", () => {
  it("tags lines with the service and redacts secrets, tokens, passwords and cookies", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write: (c, _e, cb) => {
        lines.push(String(c));
        cb();
      },
    });
    const log = createLogger({ service: "unit", level: "info", destination });
    log.info(
      {
        password: "hunter2-password",
        body: { refreshToken: "r-token-value" },
        user: { apiKey: "sk-secret-key" },
        req: { headers: { authorization: "Bearer abc.def.ghi", cookie: "dashboard_access_token=xyz" } },
      },
      "hello",
    );
    const line = JSON.parse(lines[0]!);
    expect(line.service).toBe("unit");
    expect(line.level).toBe("info");
    const text = lines.join("");
    for (const secret of [
      "hunter2-password",
      "r-token-value",
      "sk-secret-key",
      "abc.def.ghi",
      "dashboard_access_token=xyz",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
  });
});
