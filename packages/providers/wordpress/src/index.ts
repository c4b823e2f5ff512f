import { NotPublicAddressError } from "@leadmetrics/provider-core";

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

export class WordPressError extends Error {
  /** `permanent`: retrying cannot help (the site's address is refused), only a new channel can. */
  constructor(
    message: string,
    readonly status?: number,
    readonly permanent = false,
  ) {
    super(message);
    this.name = "WordPressError";
  }
}

/** The few endpoints of the WordPress REST API the publisher uses. */
export function createWordPressClient(opts: WordPressOptions) {
  const base = `${opts.siteUrl.replace(/\/+$/, "")}/wp-json/wp/v2`;
  const auth = `Basic ${Buffer.from(`${opts.username}:${opts.applicationPassword.replace(/\s+/g, "")}`).toString("base64")}`;

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const signals = [AbortSignal.timeout(opts.timeoutMs ?? 30_000), ...(opts.signal ? [opts.signal] : [])];
    let res: Response;
    try {
      res = await (opts.fetch ?? fetch)(`${base}${path}`, {
        ...init,
        signal: AbortSignal.any(signals),
        headers: {
          authorization: auth,
          accept: "application/json",
          ...(init.body ? { "content-type": "application/json" } : {}),
        },
      });
    } catch (err) {
      if (err instanceof NotPublicAddressError)
        throw new WordPressError(`WordPress at ${opts.siteUrl} is refused: ${err.message}`, undefined, true);
      throw new WordPressError(`WordPress at ${opts.siteUrl} is unreachable: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let message = text.slice(0, 300);
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // not JSON
      }
      throw new WordPressError(`WordPress answered ${res.status}: ${message}`, res.status);
    }
    return JSON.parse(text) as T;
  }

  return {
    async findPostBySlug(slug: string): Promise<WordPressPost | null> {
      const posts = await call<WordPressPost[]>(
        `/posts?slug=${encodeURIComponent(slug)}&status=publish,future,draft,pending,private&context=edit`,
      );
      return posts[0] ?? null;
    },
    createPost(post: {
      title: string;
      content: string;
      slug: string;
      status: "publish" | "draft";
    }): Promise<WordPressPost> {
      return call<WordPressPost>("/posts", { method: "POST", body: JSON.stringify(post) });
    },
    /** Checks the credentials: used when a channel is connected. */
    async verify(): Promise<{ id: number; name: string }> {
      return call<{ id: number; name: string }>("/users/me?context=edit");
    },
  };
}
