import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isPublicAddress } from "@leadmetrics/provider-core";

export type Resolve = (host: string) => Promise<string[]>;
const resolveAll: Resolve = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/** `problem` is the field's message (400); `unavailable`: DNS itself failed, the caller may retry (503). */
export type ChannelUrlCheck = { problem: string } | { unavailable: string } | null;

/**
 * A channel URL the platform will call: http(s) only, no credentials in it, and (unless private
 * addresses are allowed) a host whose every address is public. This is the early, friendly
 * answer; the publisher checks again on each connection (createOutboundFetch), so a DNS answer
 * that changes later is refused there.
 */
export async function checkChannelUrl(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve = resolveAll,
): Promise<ChannelUrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: "is not a URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: "must be an http(s) URL" };
  if (url.username || url.password) return { problem: "must not contain credentials" };
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host)) return isPublicAddress(host) ? null : { problem: "must be a public address" };
  if (host === "localhost" || host.endsWith(".localhost")) return { problem: "must be a public address" };
  let addresses: string[];
  try {
    addresses = await Promise.race([
      resolve(host),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(Object.assign(new Error("DNS lookup timed out"), { code: "ETIMEOUT" })), 5_000).unref(),
      ),
    ]);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ENOTFOUND" || code === "ENODATA") return { problem: `host ${host} does not resolve` };
    return { unavailable: `the address of ${host} could not be looked up (${code ?? "DNS error"}); try again` };
  }
  const inner = addresses.find((a) => !isPublicAddress(a));
  return inner ? { problem: `must be a public address (${host} resolves to ${inner})` } : null;
}
