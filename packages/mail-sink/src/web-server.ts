import { createServer, type Server, type ServerResponse } from "node:http";
import { PAGE_CSP, renderInbox, renderMessage, renderNotFound } from "./html-pages";
import type { MessageStore } from "./message-store";

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": PAGE_CSP,
    ...SECURITY_HEADERS,
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
}

/** The sink's web side: the inbox page, one page per message, and a tiny JSON API. */
export function createWebServer(store: MessageStore): Server {
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://sink");
    const method = req.method ?? "GET";
    const messageId = /^\/messages\/([^/]+)$/.exec(pathname)?.[1];
    const apiMessageId = /^\/api\/messages\/([^/]+)$/.exec(pathname)?.[1];

    if ((method === "GET" || method === "HEAD") && pathname === "/") return html(res, 200, renderInbox(store.list()));
    if ((method === "GET" || method === "HEAD") && messageId) {
      const m = store.get(decodeURIComponent(messageId));
      return m ? html(res, 200, renderMessage(m)) : html(res, 404, renderNotFound());
    }
    if (method === "GET" && pathname === "/api/messages") return json(res, 200, store.list());
    if (method === "GET" && apiMessageId) {
      const m = store.get(decodeURIComponent(apiMessageId));
      return m ? json(res, 200, m) : json(res, 404, { error: "not found" });
    }
    if (method === "DELETE" && pathname === "/api/messages") {
      store.clear();
      res.writeHead(204, SECURITY_HEADERS);
      return res.end();
    }
    // The page's "Clear all" button: a plain form post, since the page runs no script.
    if (method === "POST" && pathname === "/clear") {
      store.clear();
      res.writeHead(303, { location: "/", ...SECURITY_HEADERS });
      return res.end();
    }
    json(res, pathname === "/" || pathname.startsWith("/api/") || messageId ? 405 : 404, { error: "not found" });
  });
}
