import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeWordPress {
  url: string;
  posts: { id: number; title: string; content: string; slug: string; status: string; link: string }[];
  requests: { method: string; path: string; authorized: boolean }[];
  /** Answer the next N post creations with this status (to test failures). */
  failNext(status: number, times?: number): void;
  /** The site's owner revokes the application passwords and issues this one. */
  setApplicationPassword(password: string): void;
  close(): Promise<void>;
}

/** Roles that may publish posts in a stock WordPress. */
const PUBLISHERS = new Set(["administrator", "editor", "author"]);

/**
 * A local server speaking the WordPress REST endpoints the platform uses (the index `/wp-json/`,
 * `GET /users/me`, `GET/POST /wp/v2/posts`), with Basic-auth application passwords and
 * WordPress's own error bodies. A site may live under a path (`/blog/wp-json/…`). For tests and
 * `./dev`, never for production.
 */
export async function startFakeWordPress(opts: {
  username: string;
  /** The user's application password, or several (WordPress lets a user hold one per app). */
  applicationPassword: string | string[];
  port?: number;
  /** The site's title in its REST index. */
  siteName?: string;
  /** The user's display name (users/me `name`); the user name when absent. */
  displayName?: string;
  /** The user's roles; `["editor"]` when absent. A subscriber cannot publish. */
  roles?: string[];
}): Promise<FakeWordPress> {
  const posts: FakeWordPress["posts"] = [];
  const requests: FakeWordPress["requests"] = [];
  let failures: { status: number; times: number } | null = null;
  const squash = (p: string) => p.replace(/\s+/g, "");
  let passwords = new Set([opts.applicationPassword].flat().map(squash));
  const roles = opts.roles ?? ["editor"];
  const canPublish = roles.some((r) => PUBLISHERS.has(r));
  let base = "";

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const at = url.pathname.indexOf("/wp-json");
    const path = at >= 0 ? url.pathname.slice(at) : url.pathname;
    const header = req.headers.authorization;
    const [user, pass] = header?.startsWith("Basic ")
      ? Buffer.from(header.slice(6), "base64").toString().split(/:(.*)/s)
      : [];
    const authorized = user === opts.username && passwords.has(pass ?? "");
    requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, authorized });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const wpError = (status: number, code: string, message: string) =>
      send(status, { code, message, data: { status } });
    if (path === "/wp-json" || path === "/wp-json/")
      return send(200, {
        name: opts.siteName ?? "Fake WordPress",
        description: "",
        url: base,
        home: base,
        namespaces: ["oembed/1.0", "wp/v2"],
      });
    if (!path.startsWith("/wp-json/")) {
      res.writeHead(404, { "content-type": "text/html" });
      return res.end("<!doctype html><title>Not found</title>");
    }
    // As WordPress does: a wrong login is refused with the reason, whatever the route.
    if (header && !authorized)
      return user !== opts.username
        ? wpError(401, "invalid_username", "Unknown username. Check again or try your email address.")
        : wpError(401, "incorrect_password", "The provided password is an invalid application password.");
    if (!authorized) return wpError(401, "rest_not_logged_in", "You are not currently logged in.");
    if (path === "/wp-json/wp/v2/users/me")
      return send(200, {
        id: 1,
        name: opts.displayName ?? opts.username,
        slug: opts.username,
        roles,
        capabilities: { read: true, edit_posts: canPublish, publish_posts: canPublish },
      });
    if (path !== "/wp-json/wp/v2/posts")
      return wpError(404, "rest_no_route", "No route was found matching the URL and request method.");
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
        return wpError(failures.status, "rest_error", "Simulated failure");
      }
      if (!canPublish)
        return wpError(403, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user.");
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
    setApplicationPassword(next) {
      passwords = new Set([squash(next)]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
