import { existsSync, readFileSync } from "node:fs";

/** A small .env reader: KEY=VALUE lines, # comments, optional quotes. */
export function parseEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq < 1) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))
      value = value.slice(1, -1);
    out[key] = value;
  }
  return out;
}

/**
 * The environment for `./dev`: `.env.example`'s safe defaults, overridden by `.env`, overridden
 * by the real environment. DATABASE_URL, REDIS_URL and SMTP_URL count as "given" only when they
 * come from `.env` or the environment; otherwise the embedded services are started.
 */
export function devEnvironment(root: string) {
  const defaults = parseEnvFile(`${root}/.env.example`);
  const local = parseEnvFile(`${root}/.env`);
  const real = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const merged: Record<string, string> = { ...defaults, ...local, ...real };
  const given = (key: string) => local[key] ?? real[key];
  return { env: merged, databaseUrl: given("DATABASE_URL"), redisUrl: given("REDIS_URL"), smtpUrl: given("SMTP_URL") };
}
