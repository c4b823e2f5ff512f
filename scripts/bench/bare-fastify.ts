import { spawn } from "node:child_process";
import path from "node:path";
import { freePort, stopChild } from "@leadmetrics/local-services";
import { measureHttp } from "./api";
import { ROOT, waitUntilUp } from "./stack";

/** Baseline for the API: a bare Fastify app, in its own process started like the API's, under the same autocannon run. */
export async function benchBareFastify(seconds = 10) {
  const port = await freePort();
  const child = spawn("node", ["--import", "tsx", path.join(ROOT, "scripts/bench/bare-fastify-server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port) },
  });
  try {
    const url = `http://127.0.0.1:${port}/live`;
    await waitUntilUp(url);
    await measureHttp("warm-up", url, {}, 2);
    return await measureHttp("bare Fastify GET /live", url, {}, seconds);
  } finally {
    await stopChild(child);
  }
}
