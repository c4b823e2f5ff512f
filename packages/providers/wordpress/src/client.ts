import { networkFailure, responseFailure, WordPressError } from "./failure";

export interface WordPressOptions {
  siteUrl: string;
  username: string;
  /** An application password (Users → Profile → Application Passwords), never the login password. */
  applicationPassword: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The site is the tenant's choice: pass the platform's outbound fetch (public addresses only). */
  fetch?: typeof fetch;
}

export interface WordPressPost {
  id: number;
  link: string;
  status: string;
  slug: string;
}

/** What connecting found at the site: shown to the person who connected it and stored with the channel. */
export interface WordPressSiteCheck {
  /** The site's title (Settings → General), when its REST index says. */
  siteName: string | null;
  /** The user's display name. */
  userName: string;
  roles: string[];
  /** The user has the publish_posts capability (or, where capabilities are hidden, a role that has it). */
  canPublish: boolean;
}

/** Roles that can publish posts in a stock WordPress, for sites that do not list capabilities. */
const PUBLISHING_ROLES = new Set(["administrator", "editor", "author"]);

interface UsersMe {
  id?: number;
  name?: string;
  roles?: unknown;
  capabilities?: Record<string, unknown>;
}

/** The few endpoints of the WordPress REST API the platform uses. Every failure is a WordPressError. */
export function createWordPressClient(opts: WordPressOptions) {
  const site = opts.siteUrl.replace(/\/+$/, "");
  const auth = `Basic ${Buffer.from(`${opts.username}:${opts.applicationPassword.replace(/\s+/g, "")}`).toString("base64")}`;

  async function call<T>(path: string, init: RequestInit = {}, authorized = true): Promise<T> {
    const signals = [AbortSignal.timeout(opts.timeoutMs ?? 30_000), ...(opts.signal ? [opts.signal] : [])];
    let res: Response;
    let text: string;
    try {
      res = await (opts.fetch ?? fetch)(`${site}/wp-json${path}`, {
        ...init,
        signal: AbortSignal.any(signals),
        headers: {
          ...(authorized ? { authorization: auth } : {}),
          accept: "application/json",
          ...(init.body ? { "content-type": "application/json" } : {}),
        },
      });
      text = await res.text();
    } catch (err) {
      // The caller cancelled on purpose (a worker shutting down): not the site's failure.
      if (opts.signal?.aborted) throw opts.signal.reason ?? err;
      throw networkFailure(err, site);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw responseFailure(res.status, json, site, opts.username);
    // A 200 that is not JSON is a page, not the REST API (a landing page, a login wall, a parked domain).
    if (json === undefined || typeof json !== "object" || json === null)
      throw new WordPressError("not_wordpress", site, { status: res.status, detail: "answer is not JSON" });
    return json as T;
  }

  return {
    async findPostBySlug(slug: string): Promise<WordPressPost | null> {
      const posts = await call<WordPressPost[]>(
        `/wp/v2/posts?slug=${encodeURIComponent(slug)}&status=publish,future,draft,pending,private&context=edit`,
      );
      if (!Array.isArray(posts)) throw new WordPressError("not_wordpress", site, { detail: "posts is not a list" });
      return posts[0] ?? null;
    },
    createPost(post: {
      title: string;
      content: string;
      slug: string;
      status: "publish" | "draft";
    }): Promise<WordPressPost> {
      return call<WordPressPost>("/wp/v2/posts", { method: "POST", body: JSON.stringify(post) });
    },
    /**
     * Checks the credentials against the site (`users/me?context=edit`, which answers only a
     * logged-in user) and that the user may publish posts; then reads the site's name from the
     * REST index, which is public and optional (a site may hide it).
     */
    async verify(): Promise<WordPressSiteCheck> {
      const me = await call<UsersMe>("/wp/v2/users/me?context=edit");
      if (typeof me.id !== "number") throw new WordPressError("not_wordpress", site, { detail: "users/me has no id" });
      const roles = Array.isArray(me.roles) ? me.roles.filter((r): r is string => typeof r === "string") : [];
      const canPublish = me.capabilities
        ? me.capabilities.publish_posts === true
        : roles.some((r) => PUBLISHING_ROLES.has(r));
      if (!canPublish)
        throw new WordPressError("cannot_publish", site, { detail: `roles: ${roles.join(",")}`, user: opts.username });
      let siteName: string | null = null;
      try {
        const index = await call<{ name?: unknown }>("/", {}, false);
        siteName = typeof index.name === "string" && index.name.trim() ? index.name.trim().slice(0, 200) : null;
      } catch {
        // The index is a nicety: the credentials are what had to be proven.
      }
      return { siteName, userName: (me.name ?? opts.username).slice(0, 200), roles, canPublish };
    },
  };
}
