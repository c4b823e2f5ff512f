// The floor under the API's figures: Fastify 5 with one GET route answering a small JSON and no
// plugins. Started by bare-fastify.ts in its own process; Fastify is resolved from apps/api, so it
// is the very version the API runs.
import { createRequire } from "node:module";

interface BareApp {
  get(url: string, handler: () => unknown): void;
  listen(opts: { port: number; host: string }): Promise<string>;
}
const Fastify = createRequire(new URL("../../apps/api/package.json", import.meta.url))("fastify") as (opts: {
  logger: boolean;
}) => BareApp;

const app = Fastify({ logger: false });
app.get("/live", async () => ({ status: "ok" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
