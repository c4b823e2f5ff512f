import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeWordPress {
  url: string;
  posts: { id: number; title: string; content: string; slug: string; status: string; link: string }[];
  requests: { method: string; path: string; authorized: boolean }[];
  /** Answer the next N post creations with this status (to test failures). */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

/**
 * A local server speaking the WordPress REST endpoints the publisher uses (`GET/POST
 * /wp-json/wp/v2/posts`, `GET /users/me`), with Basic-auth application passwords. For tests and
 * `./dev`, never for production.
 */
export async function startFakeWordPress(opts: {
  username: string;
  applicationPassword: string;
  port?: number;
}): Promise<FakeWordPress> {
  const posts: FakeWordPress["posts"] = [];
  const requests: FakeWordPress["requests"] = [];
  let failures: { status: number; times: number } | null = null;
  const expected = `Basic ${Buffer.from(`${opts.username}:${opts.applicationPassword.replace(/\s+/g, "")}`).toString("base64")}`;
  let base = "";

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const authorized = req.headers.authorization === expected;
    requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, authorized });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!authorized)
      return send(401, {
        code: "rest_not_logged_in",
        message: "You are not currently logged in.",
        data: { status: 401 },
      });
    if (url.pathname === "/wp-json/wp/v2/users/me") return send(200, { id: 1, name: opts.username });
    if (url.pathname !== "/wp-json/wp/v2/posts")
      return send(404, { code: "rest_no_route", message: "No route was found", data: { status: 404 } });
    if (req.method === "GET") {
      const slug = url.searchParams.get("slug");
      return send(
        200,
        posts.filter((p) => !slug || p.slug === slug),
      );
    }
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (failures && failures.times > 0) {
        failures.times--;
        return send(failures.status, {
          code: "rest_error",
          message: "Simulated failure",
          data: { status: failures.status },
        });
      }
      const body = JSON.parse(raw) as { title: string; content: string; slug: string; status: string };
      const id = posts.length + 1;
      const post = {
        id,
        title: body.title,
        content: body.content,
        slug: body.slug,
        status: body.status,
        link: `${base}/${body.slug}/`,
      };
      posts.push(post);
      send(201, post);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    posts,
    requests,
    failNext(status, times = 1) {
      failures = { status, times };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
