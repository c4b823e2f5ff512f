import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import autocannon from "autocannon";
import type { BenchStack } from "./stack";

export interface HttpFigure {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** Connections of every HTTP measurement: many people at once, as a shared review queue sees. */
export const BENCH_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);

/** One autocannon run, no pipelining. */
export async function measureHttp(
  name: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections = BENCH_CONNECTIONS,
): Promise<HttpFigure> {
  const result = await autocannon({ url, headers, connections, duration: seconds, pipelining: 1 });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/**
 * Baseline: the bare liveness route (routing, hooks, serialisation). Measured: an authenticated,
 * tenant-scoped list (token verification + Redis revocation check + membership query + the list).
 */
export async function benchApi(stack: BenchStack, seconds = 10) {
  const login = await fetch(`${stack.apiUrl}/auth/v1/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_ACCOUNTS.acmeOwner, password: DEFAULT_DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await measureHttp("warm-up", `${stack.apiUrl}/tenant/v1/members`, { authorization: `Bearer ${accessToken}` }, 2);
  const live = await measureHttp("GET /health/live", `${stack.apiUrl}/health/live`, {}, seconds);
  const members = await measureHttp(
    "GET /tenant/v1/members (authenticated)",
    `${stack.apiUrl}/tenant/v1/members`,
    { authorization: `Bearer ${accessToken}` },
    seconds,
  );
  return { live, members, ratio: members.requestsPerSecond / live.requestsPerSecond };
}
