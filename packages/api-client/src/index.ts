import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, paths };
export type ApiError = components["schemas"]["Error"]["error"];

export interface ApiClientOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` (server components, mobile); omit to rely on cookies. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Forwarded on every request so the API's logs join up with the caller's. */
  requestId?: string;
  fetch?: typeof fetch;
}

/** A typed client: paths, parameters, bodies and answers all come from the API's OpenAPI document. */
export function createApiClient(opts: ApiClientOptions) {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/+$/, ""),
    fetch: opts.fetch,
    credentials: "include",
  });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof opts.token === "function" ? await opts.token() : opts.token;
      if (token) request.headers.set("authorization", `Bearer ${token}`);
      if (opts.requestId) request.headers.set("x-request-id", opts.requestId);
      return request;
    },
  };
  client.use(auth);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
