import { NotPublicAddressError } from "@leadmetrics/provider-core";
import { describe, expect, it } from "vitest";
import { describeFailure, networkFailure, responseFailure, type WordPressFailureKind } from "../src";

const SITE = "https://blog.example.com/news";
/** undici's shape: TypeError("fetch failed") with the transport error as its cause. */
const fetchFailed = (code: string, message = `connect ${code}`) =>
  Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(message), { code }) });

describe("networkFailure: a request that got no answer", () => {
  it.each<[string, unknown, WordPressFailureKind]>([
    ["no such domain", fetchFailed("ENOTFOUND", "getaddrinfo ENOTFOUND blog.example.com"), "host_not_found"],
    ["connection refused", fetchFailed("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.7:443"), "unreachable"],
    ["connection reset", fetchFailed("ECONNRESET"), "unreachable"],
    ["DNS failure worth a retry", fetchFailed("EAI_AGAIN"), "unreachable"],
    ["connect timeout", fetchFailed("UND_ERR_CONNECT_TIMEOUT"), "timeout"],
    ["whole-request deadline", Object.assign(new DOMException("signal timed out", "TimeoutError")), "timeout"],
    ["expired certificate", fetchFailed("CERT_HAS_EXPIRED"), "tls"],
    ["certificate for another name", fetchFailed("ERR_TLS_CERT_ALTNAME_INVALID"), "tls"],
    ["self-signed certificate", fetchFailed("DEPTH_ZERO_SELF_SIGNED_CERT"), "tls"],
    ["private address", new NotPublicAddressError("blog.example.com", "10.0.0.7"), "private_address"],
    ["redirect loop", new Error("more than 3 redirects from https://blog.example.com"), "redirected"],
    ["anything else", new Error("socket hang up"), "unreachable"],
  ])("%s → %s", (_what, err, kind) => {
    expect(networkFailure(err, SITE).kind).toBe(kind);
  });

  it("says it in plain words naming the host, never the transport's words or the resolved address", () => {
    for (const err of [
      fetchFailed("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.7:443"),
      new NotPublicAddressError("blog.example.com", "10.0.0.7"),
      fetchFailed("ENOTFOUND"),
    ]) {
      const failure = networkFailure(err, SITE);
      expect(failure.message).toMatch(/^(WordPress at )?blog\.example\.com /);
      expect(failure.message).not.toMatch(/fetch failed|ECONN|ENOTFOUND|10\.0\.0\.7|at .*\.ts:\d+/);
      expect(failure.message).toMatch(/: .+\.$/); // …: the next step.
    }
    expect(networkFailure(fetchFailed("ECONNREFUSED"), SITE).detail).toBe("ECONNREFUSED");
  });

  it("retries only what may pass later: the site down, slow or failing", () => {
    expect(networkFailure(fetchFailed("ECONNREFUSED"), SITE).permanent).toBe(false);
    expect(networkFailure(new DOMException("t", "TimeoutError"), SITE).permanent).toBe(false);
    expect(networkFailure(new NotPublicAddressError("h", "10.0.0.7"), SITE).permanent).toBe(true);
    expect(networkFailure(fetchFailed("CERT_HAS_EXPIRED"), SITE).permanent).toBe(true);
  });
});

describe("responseFailure: WordPress (or whatever is there) answered with an error", () => {
  const wp = (code: string) => ({ code, message: "…", data: {} });
  it.each<[number, unknown, WordPressFailureKind]>([
    [401, wp("incorrect_password"), "bad_password"],
    [401, wp("invalid_username"), "unknown_user"],
    [401, wp("invalid_email"), "unknown_user"],
    [401, wp("application_passwords_disabled"), "app_passwords_disabled"],
    [401, wp("rest_not_logged_in"), "not_logged_in"],
    [401, undefined, "not_logged_in"],
    [403, wp("rest_cannot_create"), "cannot_publish"],
    [403, undefined, "rejected"],
    [404, wp("rest_no_route"), "not_wordpress"],
    [404, undefined, "not_wordpress"],
    [404, wp("rest_post_invalid_id"), "rejected"],
    [400, wp("rest_invalid_param"), "rejected"],
    [301, undefined, "redirected"],
    [500, undefined, "server_error"],
    [503, wp("maintenance"), "server_error"],
  ])("%i %j → %s", (status, body, kind) => {
    expect(responseFailure(status, body, SITE).kind).toBe(kind);
  });

  it("the refused password reads as the issue puts it, with the next step", () => {
    expect(responseFailure(401, wp("incorrect_password"), SITE).message).toBe(
      "WordPress at blog.example.com refused the password: reconnect in Channels with a new application password.",
    );
    expect(responseFailure(403, wp("rest_cannot_create"), SITE, "editor").message).toBe(
      "WordPress at blog.example.com does not let the user “editor” publish posts: give the user the Author, Editor or Administrator role, then try again.",
    );
    expect(responseFailure(502, undefined, "http://127.0.0.1:8080").message).toBe(
      "WordPress at 127.0.0.1:8080 had a server error (HTTP 502): try again later; if it keeps failing, check the site.",
    );
    const failure = responseFailure(401, wp("incorrect_password"), SITE);
    expect([failure.status, failure.detail, failure.permanent]).toEqual([401, "HTTP 401 incorrect_password", true]);
    expect(responseFailure(500, undefined, SITE).permanent).toBe(false);
  });

  it("has a sentence for every kind, each naming the host and the next step", () => {
    const kinds: WordPressFailureKind[] = [
      "host_not_found",
      "unreachable",
      "timeout",
      "tls",
      "private_address",
      "redirected",
      "not_wordpress",
      "unknown_user",
      "bad_password",
      "app_passwords_disabled",
      "not_logged_in",
      "cannot_publish",
      "server_error",
      "rejected",
    ];
    for (const kind of kinds) expect(describeFailure(kind, "example.com")).toMatch(/example\.com.*: .+\.$/);
  });
});
