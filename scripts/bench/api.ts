import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import autocannon from "autocannon";
import { startBareFastify } from "./bare-fastify";
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

/** Signs a demo account in (the demo password) over HTTP, for a portal when one is named. */
export async function loginAs(apiUrl: string, email: string, portal?: "dashboard" | "dm") {
  const res = await fetch(`${apiUrl}/auth/v1/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEFAULT_DEMO_PASSWORD, ...(portal ? { portal } : {}) }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()) as { accessToken: string; session: { tenantId: string | null } };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The round whose req/s is the median of the rounds. */
const medianFigure = (figures: HttpFigure[]) =>
  figures.find((f) => f.requestsPerSecond === median(figures.map((x) => x.requestsPerSecond)))!;

/**
 * The API against its floor, in alternating rounds (bare liveness, API liveness, bare SQL list,
 * authenticated list; `rounds` times), so a noisy neighbour hits both sides alike. Each figure is
 * the median round; each ratio the median of the rounds' ratios.
 */
export async function benchApiAgainstFloor(stack: BenchStack, seconds: number, rounds = 3) {
  const bare = await startBareFastify(stack);
  try {
    const owner = await loginAs(stack.apiUrl, DEMO_ACCOUNTS.acmeOwner);
    const headers = { authorization: `Bearer ${owner.accessToken}` };
    const members = `${stack.apiUrl}/tenant/v1/members`;
    await measureHttp("warm-up", bare.members, {}, 2);
    await measureHttp("warm-up", members, headers, 2);
    const runs = {
      bareLive: [] as HttpFigure[],
      apiLive: [] as HttpFigure[],
      bareList: [] as HttpFigure[],
      list: [] as HttpFigure[],
    };
    for (let r = 0; r < rounds; r++) {
      runs.bareLive.push(await measureHttp("bare Fastify GET /live", bare.live, {}, seconds));
      runs.apiLive.push(await measureHttp("GET /health/live", `${stack.apiUrl}/health/live`, {}, seconds));
      runs.bareList.push(await measureHttp("bare Fastify + pg: the members list SQL", bare.members, {}, seconds));
      runs.list.push(await measureHttp("GET /tenant/v1/members (authenticated)", members, headers, seconds));
    }
    const ratios = (a: HttpFigure[], b: HttpFigure[]) =>
      median(a.map((x, i) => x.requestsPerSecond / b[i]!.requestsPerSecond));
    return {
      rounds,
      bareLive: medianFigure(runs.bareLive),
      apiLive: medianFigure(runs.apiLive),
      bareList: medianFigure(runs.bareList),
      list: medianFigure(runs.list),
      listRatios: runs.list.map((x, i) => x.requestsPerSecond / runs.bareList[i]!.requestsPerSecond),
      ratio: {
        liveness: ratios(runs.apiLive, runs.bareLive),
        list: ratios(runs.list, runs.bareList),
        listToLiveness: ratios(runs.list, runs.apiLive),
      },
    };
  } finally {
    await bare.stop();
  }
}
