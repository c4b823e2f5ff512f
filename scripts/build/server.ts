/**
 * The production build of a server (the API, the agents and the notifications server): esbuild
 * bundles `src/index.ts` and every `@leadmetrics/*` package it reaches into `dist/index.js`, so
 * production runs `node dist/index.js` with no TypeScript loader in the process.
 *
 * - Third-party packages stay outside the bundle, loaded by Node from node_modules as before.
 *   pnpm gives each package only its own dependencies, so a bare `pg` imported by packages/db
 *   resolves from packages/db, not from the server: each one is resolved from its importer's
 *   folder and written into the bundle as that file's path relative to the bundle.
 * - Files a module reads at run time are named `new URL("<relative path>", import.meta.url)`
 *   (packages/db's migrations, the notification templates). The build copies each such file or
 *   folder to `dist/assets/<its path in the repository>` and points the URL there, so the same
 *   line works from the TypeScript source (tests, `./dev start`) and from the bundle.
 *
 * Each server's `build` script (`pnpm turbo run build --filter=@leadmetrics/api`); the benchmark
 * and the end-to-end stack call buildServer() before they start a server.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The servers production runs compiled, by folder. */
export const SERVERS = ["apps/api", "apps/servers/agents", "apps/servers/notifications"] as const;

export interface BuiltServer {
  /** Absolute path of the bundle. */
  outfile: string;
  bytes: number;
  /** Third-party files the bundle imports, relative to its folder. */
  externals: string[];
  /** Files and folders copied next to it, relative to the repository root. */
  assets: string[];
}

/** Marks the resolve calls the plugin makes itself, so it does not answer its own question. */
const RESOLVING = Symbol("resolving");

/** How a module in `outdir` imports `file`: relative, so the checkout (dist with it) can move. */
const importPath = (outdir: string, file: string) => {
  const rel = path.relative(outdir, file).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
};

function externals(outdir: string, seen: Set<string>): esbuild.Plugin {
  return {
    name: "third-party-external",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || args.kind === "entry-point") return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (args.path.startsWith("@leadmetrics/")) return undefined; // bundled
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: RESOLVING,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const file = importPath(outdir, resolved.path);
        seen.add(file);
        return { path: file, external: true };
      });
    },
  };
}

const ASSET_URL = /new URL\(\s*(["'])(\.\.?\/[^"']*)\1\s*,\s*import\.meta\.url\s*\)/g;

function assets(copies: Map<string, string>): esbuild.Plugin {
  return {
    name: "assets",
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const errors: esbuild.PartialMessage[] = [];
        const contents = source.replace(ASSET_URL, (match, quote: string, rel: string) => {
          const target = path.resolve(path.dirname(args.path), rel);
          const inRepo = path.relative(ROOT, target);
          if (inRepo.startsWith("..") || !existsSync(target)) {
            errors.push({ text: `${match}: ${target} does not exist in the repository` });
            return match;
          }
          copies.set(inRepo, target);
          const trailing = rel.endsWith("/") ? "/" : "";
          return `new URL(${quote}./assets/${inRepo.split(path.sep).join("/")}${trailing}${quote}, import.meta.url)`;
        });
        return errors.length > 0 ? { errors } : { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
      });
    },
  };
}

/** Writes through a temporary file: a server running from this folder never reads half a file. */
async function writeAtomic(file: string, contents: Uint8Array) {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, contents);
  await rename(tmp, file);
}

/** Makes `dest` hold exactly what `src` holds: a migration removed from the source is removed here too. */
async function mirror(src: string, dest: string): Promise<void> {
  if (!(await stat(src)).isDirectory()) {
    const bytes = await readFile(src);
    const current = await readFile(dest).catch(() => undefined);
    if (!current?.equals(bytes)) await writeAtomic(dest, bytes);
    return;
  }
  await mkdir(dest, { recursive: true });
  const names = new Set(await readdir(src));
  for (const stale of (await readdir(dest)).filter((n) => !names.has(n))) {
    await rm(path.join(dest, stale), { recursive: true, force: true });
  }
  for (const name of names) {
    const [from, to] = [path.join(src, name), path.join(dest, name)];
    if ((await stat(from)).isDirectory() !== (await stat(to).catch(() => undefined))?.isDirectory()) {
      await rm(to, { recursive: true, force: true });
    }
    await mirror(from, to);
  }
}

/** Removes what an earlier build copied and this one no longer references. */
async function prune(dir: string, prefix: string, kept: Set<string>): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const rel = path.join(prefix, name);
    if (kept.has(rel)) continue;
    if ([...kept].some((k) => k.startsWith(`${rel}${path.sep}`))) await prune(path.join(dir, name), rel, kept);
    else await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Bundles `<packageDir>/src/index.ts` into `<outdir>/index.js` (default `<packageDir>/dist`). */
export async function buildServer(packageDir: string, outdir = path.join(packageDir, "dist")): Promise<BuiltServer> {
  outdir = path.resolve(outdir);
  const seen = new Set<string>();
  const copies = new Map<string, string>();
  const result = await esbuild.build({
    entryPoints: [path.join(packageDir, "src/index.ts")],
    outfile: path.join(outdir, "index.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    sourcesContent: false,
    // Bundling renames clashing top-level names; errors and classes keep the names they log.
    keepNames: true,
    // Resolve as Node does: esbuild otherwise adds the `module` condition and the `module` field,
    // and could pick a file Node itself would not load.
    conditions: [],
    mainFields: ["main"],
    // Bundled CommonJS (and esbuild's require shim) needs a `require` in an ES module.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
    },
    plugins: [externals(outdir, seen), assets(copies)],
    write: false,
    logLevel: "warning",
  });
  let bytes = 0;
  for (const file of result.outputFiles) {
    if (file.path.endsWith(".js")) bytes = file.contents.byteLength;
    await writeAtomic(file.path, file.contents);
  }
  const assetsDir = path.join(outdir, "assets");
  for (const [inRepo, source] of copies) await mirror(source, path.join(assetsDir, inRepo));
  await prune(assetsDir, "", new Set(copies.keys()));
  return {
    outfile: path.join(outdir, "index.js"),
    bytes,
    externals: [...seen].sort(),
    assets: [...copies.keys()].sort(),
  };
}

/** Builds the servers (default: all three) into their own `dist/`, side by side. */
export async function buildServers(folders: readonly string[] = SERVERS): Promise<BuiltServer[]> {
  return await Promise.all(folders.map((folder) => buildServer(path.join(ROOT, folder))));
}

// `tsx scripts/build/server.ts [--outdir <dir>]`, run in the server's folder (its `build` script).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--outdir");
  const started = performance.now();
  const built = await buildServer(process.cwd(), at > 0 ? process.argv[at + 1] : undefined);
  console.log(
    `${path.relative(ROOT, process.cwd())} → ${path.relative(process.cwd(), built.outfile)}: ` +
      `${(built.bytes / 1024).toFixed(0)} KiB, ${built.externals.length} third-party files, ` +
      `assets ${built.assets.join(", ") || "none"} (${Math.round(performance.now() - started)} ms)`,
  );
}
