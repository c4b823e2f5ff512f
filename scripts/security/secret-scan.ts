/**
 * Secret scanning: every file git tracks, and every blob in the history — a key
 * that was committed and then deleted is still published. Run alone with `pnpm scan:secrets`;
 * `./dev test` runs it through its test.
 *
 * A line that must hold a look-alike (a test fixture) says `secret-scan: allow` in a comment.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";

export interface SecretRule {
  id: string;
  description: string;
  pattern: RegExp;
}

export interface Finding {
  rule: string;
  path: string;
  line: number;
  /** The match with its middle masked, so the report does not publish the secret again. */
  excerpt: string;
}

/** Formats of real credentials: each is specific enough to have no false positives in code. */
export const SECRET_RULES: SecretRule[] = [
  {
    id: "private-key",
    description: "a PEM private key",
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/,
  },
  { id: "aws-access-key", description: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  {
    id: "github-token",
    description: "a GitHub token",
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/,
  },
  { id: "slack-token", description: "a Slack token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { id: "anthropic-key", description: "an Anthropic API key", pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/ },
  { id: "openai-key", description: "an OpenAI API key", pattern: /\bsk-(?!ant-)(?:proj-|svcacct-)?[A-Za-z0-9_-]{40,}/ },
  { id: "google-api-key", description: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: "sendgrid-key", description: "a SendGrid API key", pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { id: "telegram-bot-token", description: "a Telegram bot token", pattern: /\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b/ },
  { id: "stripe-live-key", description: "a Stripe live key", pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}/ },
];

/** Values that say they are not real: dev defaults, examples, placeholders. */
const HARMLESS = /dev|test|example|change-?me|local|demo|placeholder|dummy|fake|sample|x{6,}/i;
/** `NAME=value` or `NAME: value` where NAME says it holds a secret (env files, compose, CI). */
const SECRET_ASSIGNMENT =
  /^\s*(?:export\s+)?([A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ACCESS_KEY|_KEY))\s*[=:]\s*["']?([^\s"'#]+)/;
const CONFIG_FILE = /(?:^|\/)(?:\.env[^/]*|[^/]*\.ya?ml|[^/]*\.toml|[^/]*\.ini|[^/]*\.properties)$/;
const ALLOW = /secret-scan:\s*allow/;

const looksHarmless = (value: string) => {
  if (/^\$\{?[A-Z_]/.test(value) || HARMLESS.test(value)) return true;
  // A base64 dev key (e.g. a 32-byte key that spells out "dev-only-…") says so once decoded.
  const decoded = Buffer.from(value, "base64").toString("latin1");
  return HARMLESS.test(decoded);
};

const mask = (s: string) =>
  s.length <= 8 ? "*".repeat(s.length) : `${s.slice(0, 4)}${"*".repeat(Math.min(s.length - 8, 24))}${s.slice(-4)}`;

/** The findings in one file's text. */
export function scanText(path: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split(/\r?\n/);
  const isConfig = CONFIG_FILE.test(path);
  lines.forEach((line, i) => {
    if (ALLOW.test(line)) return;
    for (const rule of SECRET_RULES) {
      const m = rule.pattern.exec(line);
      if (m) findings.push({ rule: rule.id, path, line: i + 1, excerpt: mask(m[0]) });
    }
    if (isConfig) {
      const m = SECRET_ASSIGNMENT.exec(line);
      // Short values are flags and names (`ACCESS_KEY: none`), not keys.
      if (m && m[2]!.length >= 12 && !looksHarmless(m[2]!))
        findings.push({ rule: "secret-assignment", path, line: i + 1, excerpt: `${m[1]}=${mask(m[2]!)}` });
    }
  });
  return findings;
}

const isText = (buf: Buffer) => !buf.subarray(0, 8000).includes(0);

/** Every tracked file as it is now, and every blob any commit ever held (deduplicated by content). */
export async function scanRepository(root: string): Promise<{ findings: Finding[]; files: number; blobs: number }> {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  const findings: Finding[] = [];

  const tracked = git("ls-files", "-z").toString("utf8").split("\0").filter(Boolean);
  for (const path of tracked) {
    const buf = await readFile(`${root}/${path}`).catch(() => null); // deleted in the working tree
    if (buf && isText(buf)) findings.push(...scanText(path, buf.toString("utf8")));
  }

  // The history: each blob once, named by the first path it was seen at.
  const objects = git("rev-list", "--objects", "--all").toString("utf8").split("\n").filter(Boolean);
  const paths = new Map<string, string>();
  for (const row of objects) {
    const [sha, ...rest] = row.split(" ");
    if (rest.length && !paths.has(sha!)) paths.set(sha!, rest.join(" "));
  }
  const blobs = await readBlobs(root, [...paths.keys()]);
  const seen = new Set(findings.map((f) => `${f.path}:${f.rule}:${f.excerpt}`));
  for (const [sha, buf] of blobs) {
    if (!isText(buf)) continue;
    for (const f of scanText(paths.get(sha)!, buf.toString("utf8"))) {
      const key = `${f.path}:${f.rule}:${f.excerpt}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push({ ...f, path: `${f.path} (in history, blob ${sha.slice(0, 10)})` });
      }
    }
  }
  return { findings, files: tracked.length, blobs: blobs.size };
}

/** Reads blobs with one `git cat-file --batch` (trees and commits are skipped). */
async function readBlobs(root: string, shas: string[]): Promise<Map<string, Buffer>> {
  const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited ${code}`))));
  });
  child.stdin.end(`${shas.join("\n")}\n`);
  await done;
  const out = Buffer.concat(chunks);
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [sha, type, size] = out.subarray(at, eol).toString("utf8").split(" ");
    if (type === "missing" || size === undefined) {
      at = eol + 1;
      continue;
    }
    const start = eol + 1;
    const end = start + Number(size);
    if (type === "blob") blobs.set(sha!, out.subarray(start, end));
    at = end + 1; // the newline after each object
  }
  return blobs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = execFileSync("git", ["rev-parse", "--show-toplevel"]).toString().trim();
  const { findings, files, blobs } = await scanRepository(root);
  for (const f of findings) process.stdout.write(`${f.path}:${f.line}  ${f.rule}  ${f.excerpt}\n`);
  process.stdout.write(
    `secret scan: ${files} tracked files and ${blobs} blobs of history, ${findings.length} finding(s)\n`,
  );
  process.exit(findings.length ? 1 : 0);
}
