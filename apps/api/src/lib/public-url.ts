import { isIP } from "node:net";

/**
 * A channel URL the platform will call: http(s) only, and (unless allowed) not a loopback,
 * private or link-local address, so a tenant cannot point the publisher at internal services.
 * Host names are checked as written; DNS answers are not (a known limit, see the issue note).
 */
export function publicUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http(s) URL";
  if (url.username || url.password) return "must not contain credentials";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return "must be a public address";
  if (isIP(host)) {
    const privateV4 = /^(0\.|10\.|127\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/;
    if (privateV4.test(host) || host === "::1" || host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe80") || host === "::") return "must be a public address";
  }
  return null;
}
