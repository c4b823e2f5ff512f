import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Test-only: a local HTTP server on 127.0.0.1 standing in for a provider's API. Each request is
 * recorded, then answered by `route(req, res)` — or, when the test scripts responders, by the
 * next one queued (the last one keeps answering once the others are used up).
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingMessage["headers"];
  rawBody: string;
  /** JSON or form bodies parsed (a form becomes a plain object); anything else is the raw text. */
  body: unknown;
}

export type Responder = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeHttpServer {
  /** e.g. http://127.0.0.1:43123 (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Queues responders for the next requests; an empty queue falls back to the default route. */
  script(...responders: Responder[]): void;
  close(): Promise<void>;
}

export async function startFakeHttpServer(
  route: Responder = (_req, res) => sendJson(res, 404, { error: "no route" }),
  opts: { host?: string } = {},
): Promise<FakeHttpServer> {
  const host = opts.host ?? "127.0.0.1";
  const requests: RecordedRequest[] = [];
  let queue: Responder[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(parts).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawBody,
        body: parseBody(rawBody, req.headers["content-type"]),
      };
      requests.push(recorded);
      const responder = (queue.length > 1 ? queue.shift() : queue[0]) ?? route;
      Promise.resolve(responder(recorded, res)).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(err) });
        else res.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    requests,
    script: (...responders) => {
      queue = responders;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A URL on 127.0.0.1 where nothing listens: for "provider unreachable" tests. */
export async function unusedLocalUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
/** Writes server-sent events (`event:` line only when given), flushing each one separately. */
export async function sendSse(
  res: ServerResponse,
  events: Array<{ event?: string; data: unknown }>,
  opts: { delayMs?: number } = {},
): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  for (const e of events) {
    const data = typeof e.data === "string" ? e.data : JSON.stringify(e.data);
    res.write(`${e.event ? `event: ${e.event}\n` : ""}data: ${data}\n\n`);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
  }
  res.end();
}
