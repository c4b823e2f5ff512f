import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";

/**
 * Requests to addresses a tenant chose (a WordPress site) must not reach the platform's own
 * network: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast and reserved ranges, in IPv4 and IPv6 (IPv4-mapped and -embedded forms included).
 */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, "ipv6");

/** The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) IPv6 address. */
function embeddedIPv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const words = (s: string) =>
    s
      .split(":")
      .filter(Boolean)
      .map((w) => parseInt(w, 16));
  const toV4 = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  if (lower.startsWith("64:ff9b::")) {
    const tail = lower.slice("64:ff9b::".length);
    if (tail.includes(".")) return tail;
    const w = words(tail);
    return w.length === 2 ? toV4(w[0]!, w[1]!) : null;
  }
  if (lower.startsWith("2002:")) {
    const w = words(lower);
    return w.length >= 3 ? toV4(w[1]!, w[2]!) : null;
  }
  return null;
}

/** True only for an IP address on the public internet. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  if (NOT_PUBLIC.check(ip, family === 4 ? "ipv4" : "ipv6")) return false;
  const inner = family === 6 ? embeddedIPv4(ip) : null;
  return inner === null || isPublicAddress(inner);
}

/** A request to an address the platform refuses to call. Not retryable: the address is the problem. */
export class NotPublicAddressError extends Error {
  readonly code = "ENOTPUBLIC";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      host === address
        ? `${host} is not a public address`
        : `${host} resolves to ${address}, which is not a public address`,
    );
    this.name = "NotPublicAddressError";
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Lookup = (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback) => void;

/**
 * A `lookup` for sockets that refuses any host with a refused address among its answers.
 * The socket connects to the very address checked here, so a DNS answer that changes between
 * a check and the connection (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allowed: (ip: string) => boolean = isPublicAddress): Lookup {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => !allowed(a.address));
      if (bad) return callback(new NotPublicAddressError(hostname, bad.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** undici's own Headers type differs from the global one: hand it a plain object. */
const plain = (headers: Headers) => {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why this URL may not be called, or null (the address part is left to the connection). */
function urlProblem(url: URL, allowed: ((ip: string) => boolean) | null): Error | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return new Error(`${url.protocol} URLs are not called`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (allowed && isIP(host) && !allowed(host)) return new NotPublicAddressError(host, host);
  return null;
}

export interface OutboundFetchOptions {
  /** Lets the calls reach private and loopback addresses (tests, a WordPress on the same machine). */
  allowPrivate: boolean;
  /** GET and HEAD follow this many redirects, each checked like the first URL. */
  maxRedirects?: number;
  /** Which addresses may be called (tests narrow it to one loopback address). */
  addressAllowed?: (ip: string) => boolean;
}

/**
 * fetch for URLs a tenant gave: http(s) only, public addresses only (checked on the resolved
 * address each connection uses), redirects followed by hand so each hop is checked too, and the
 * Authorization header never carried to another origin. Other methods do not follow redirects:
 * the 3xx answer is the caller's to report.
 */
export function createOutboundFetch(opts: OutboundFetchOptions): typeof fetch {
  const allowed = opts.allowPrivate ? null : (opts.addressAllowed ?? isPublicAddress);
  const dispatcher = allowed ? new Agent({ connect: { lookup: guardedLookup(allowed) as never } }) : undefined;
  const maxRedirects = opts.maxRedirects ?? 3;
  return async function outboundFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    let url = new URL(input instanceof Request ? input.url : String(input));
    const origin = url.origin;
    const method = (init.method ?? "GET").toUpperCase();
    let headers = new Headers(init.headers);
    for (let hop = 0; ; hop++) {
      const problem = urlProblem(url, allowed);
      if (problem) throw problem;
      let res: Response;
      try {
        res = (await undiciFetch(url, {
          ...(init as object),
          method,
          headers: plain(headers),
          redirect: "manual",
          ...(dispatcher ? { dispatcher } : {}),
        })) as unknown as Response;
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof NotPublicAddressError) throw cause;
        throw err;
      }
      const location = res.headers.get("location");
      if (!REDIRECTS.has(res.status) || !location || (method !== "GET" && method !== "HEAD")) return res;
      if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects from ${origin}`);
      await res.body?.cancel();
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        headers = new Headers(headers);
        headers.delete("authorization");
        headers.delete("cookie");
      }
      url = next;
    }
  } as typeof fetch;
}
