/**
 * What the browser downloads holds no server code. Two checks:
 *  - structural: a portal reaches only the client-safe workspace packages, so the database,
 *    queue, providers and adapters cannot even be imported by it;
 *  - built: the JavaScript each portal serves (`.next/static`) holds no marker of server-only
 *    code or configuration. `./dev test` runs this after the production build.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export const PORTALS = ["apps/dashboard", "apps/dm", "apps/manage"];

/** The workspace packages a portal may depend on, directly or not. */
export const CLIENT_SAFE_PACKAGES = [
  "@leadmetrics/api-client",
  "@leadmetrics/auth",
  // Ids, labels and prices of roles and deliverable types; it has no dependencies.
  "@leadmetrics/catalog",
  "@leadmetrics/middleware",
  "@leadmetrics/ui",
];

/** Strings that survive minification and appear only when the named code is in a bundle. */
export const SERVER_MARKERS: { marker: string; what: string }[] = [
  { marker: "PrismaClient", what: "the Prisma client" },
  { marker: "ioredis", what: "a Redis client" },
  { marker: "bullmq", what: "the queue library" },
  { marker: "nodemailer", what: "the SMTP library" },
  { marker: "argon2", what: "password hashing" },
  { marker: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", what: "token verification (jose)" },
  { marker: "JWT_SECRET", what: "the token secret's variable" },
  { marker: "CHANNEL_SECRETS", what: "the credentials key's variable" },
  { marker: "DATABASE_URL", what: "the database address's variable" },
  { marker: "REDIS_URL", what: "the Redis address's variable" },
  { marker: "METRICS_TOKEN", what: "the metrics token's variable" },
  { marker: "_refresh_token", what: "the refresh cookie's name (httpOnly: scripts never need it)" },
];

export interface BundleFinding {
  file: string;
  marker: string;
  what: string;
}

/** The markers in one served file. */
export function scanBundleText(file: string, text: string): BundleFinding[] {
  return SERVER_MARKERS.filter((m) => text.includes(m.marker)).map((m) => ({ file, ...m }));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.m?js$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

/** Scans each portal's built client assets; throws when a portal has not been built. */
export async function scanBuiltPortals(
  root: string,
  portals = PORTALS,
): Promise<{ files: number; bytes: number; findings: BundleFinding[] }> {
  let files = 0;
  let bytes = 0;
  const findings: BundleFinding[] = [];
  for (const portal of portals) {
    const dir = path.join(root, portal, ".next/static");
    const list = await filesUnder(dir).catch(() => {
      throw new Error(`${portal} has no production build (${dir}): run the build first`);
    });
    if (list.length === 0) throw new Error(`${portal}: no JavaScript under ${dir}`);
    for (const file of list) {
      const text = await readFile(file, "utf8");
      files++;
      bytes += text.length;
      findings.push(...scanBundleText(path.relative(root, file), text));
    }
  }
  return { files, bytes, findings };
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

/** Every workspace package a package reaches through `dependencies` (not devDependencies). */
export async function workspaceReach(root: string, start: string): Promise<Set<string>> {
  const workspace = new Map<string, Manifest>();
  for (const dir of ["apps", "apps/servers", "packages", "packages/adapters", "packages/providers"]) {
    for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const manifest = await readFile(path.join(root, dir, entry.name, "package.json"), "utf8").then(
        JSON.parse,
        () => null,
      );
      if (manifest?.name) workspace.set(manifest.name, manifest);
    }
  }
  const origin = JSON.parse(await readFile(path.join(root, start, "package.json"), "utf8")) as Manifest;
  const reached = new Set<string>();
  const visit = (m: Manifest) => {
    for (const dep of Object.keys(m.dependencies ?? {})) {
      const next = workspace.get(dep);
      if (next && !reached.has(dep)) {
        reached.add(dep);
        visit(next);
      }
    }
  };
  visit(origin);
  return reached;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "../..");
  let failed = false;
  for (const portal of PORTALS) {
    const outside = [...(await workspaceReach(root, portal))].filter((p) => !CLIENT_SAFE_PACKAGES.includes(p));
    if (outside.length) {
      failed = true;
      process.stdout.write(`${portal} depends on server packages: ${outside.join(", ")}\n`);
    }
  }
  const { files, bytes, findings } = await scanBuiltPortals(root);
  for (const f of findings) process.stdout.write(`${f.file}: ${f.what} ("${f.marker}")\n`);
  process.stdout.write(
    `client bundles: ${files} files, ${(bytes / 1024).toFixed(0)} KiB of JavaScript across ${PORTALS.length} portals, ${findings.length} finding(s)\n`,
  );
  process.exit(failed || findings.length ? 1 : 0);
}
