// biome-ignore-all lint/style/useTemplate: samples are concatenated so no credential-shaped literal sits in this file
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SECRET_RULES, scanRepository, scanText } from "./secret-scan";

// Built at run time, so this file holds no look-alike for the scan of the repository to find.
const rand = (n: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") =>
  Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
// Each sample is assembled from pieces so that this file itself never holds a credential-shaped literal.
const SAMPLES: Record<string, string> = {
  "private-key": ["-----BEGIN", "PRIVATE KEY-----"].join(" "),
  "aws-access-key": "AKI" + "A" + rand(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
  "github-token": "gh" + "p_" + rand(36),
  "slack-token": "xo" + "xb-" + rand(24),
  "anthropic-key": "sk-" + "ant-api03-" + rand(40),
  "openai-key": "sk-" + "proj-" + rand(48),
  "google-api-key": "AI" + "za" + rand(35),
  "sendgrid-key": "SG" + "." + rand(22) + "." + rand(43),
  "telegram-bot-token": "123456789" + ":AA" + rand(33),
  "stripe-live-key": "sk" + "_live_" + rand(24),
};

const temp: string[] = [];
afterAll(async () => Promise.all(temp.map((d) => rm(d, { recursive: true, force: true }))));

describe("secret scan", () => {
  it("knows a sample of every rule, and masks what it reports", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(SECRET_RULES.map((r) => r.id).sort());
    for (const [rule, sample] of Object.entries(SAMPLES)) {
      const findings = scanText("src/client.ts", `const key = "${sample}";\n`);
      expect(
        findings.map((f) => f.rule),
        rule,
      ).toEqual([rule]);
      expect(findings[0]!.line).toBe(1);
      if (sample.length > 12) expect(findings[0]!.excerpt).not.toContain(sample.slice(4, -4));
    }
  });

  it("flags a real-looking secret assigned in a config file, not a dev default, a reference or a flag", () => {
    const value = rand(40);
    const env = [
      `JWT_SECRET=${value}`,
      "CHANNEL_SECRETS_KEY=" + Buffer.from("dev-only-channel-secrets-key-32b").toString("base64"),
      "METRICS_TOKEN=dev-metrics-token-0123456789",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder the scan must accept, literally
      "SENDGRID_API_KEY=${SENDGRID_API_KEY}",
      "REFRESH_TOKEN_DAYS=7",
      "# OPENAI_API_KEY=",
    ].join("\n");
    expect(scanText(".env.production", env).map((f) => `${f.rule}@${f.line}`)).toEqual(["secret-assignment@1"]);
    expect(scanText("deploy/compose.yml", `      POSTGRES_PASSWORD: ${value}`).map((f) => f.rule)).toEqual([
      "secret-assignment",
    ]);
    // In code, names and values are read from the environment: only the formats above count.
    expect(scanText("src/config.ts", `const JWT_SECRET = "${value}";`)).toEqual([]);
  });

  it("lets a fixture through only where the line says so", () => {
    expect(scanText("test/x.ts", `const k = "${SAMPLES["stripe-live-key"]}"; // secret-scan: allow (fixture)`)).toEqual(
      [],
    );
  });

  it("finds a secret that was committed and then deleted", async () => {
    const dir = await mkdtemp(join(tmpdir(), "secret-scan-"));
    temp.push(dir);
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.test", ...args], {
        cwd: dir,
        stdio: "pipe",
      });
    git("init", "-q");
    await writeFile(join(dir, "keys.ts"), `export const key = "${SAMPLES["anthropic-key"]}";\n`);
    git("add", ".");
    git("commit", "-qm", "oops");
    await writeFile(join(dir, "keys.ts"), "export const key = process.env.ANTHROPIC_API_KEY;\n");
    git("commit", "-qam", "remove the key");
    const { findings } = await scanRepository(dir);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "anthropic-key", line: 1 });
    expect(findings[0]!.path).toMatch(/^keys\.ts \(in history, blob [0-9a-f]{10}\)$/);
  });

  it("the repository, its history included, holds no secret", async () => {
    const { findings, files, blobs } = await scanRepository(resolve(import.meta.dirname, "../.."));
    expect(files).toBeGreaterThan(100);
    expect(blobs).toBeGreaterThanOrEqual(files);
    expect(findings).toEqual([]);
  });
});
