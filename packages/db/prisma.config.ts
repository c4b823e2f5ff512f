import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma 6.19 with the JS (wasm) engines: no native engine download is needed (see STACK.md).
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 50, allowExitOnIdle: true }),
});
