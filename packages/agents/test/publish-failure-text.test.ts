import { NotPublicAddressError } from "@leadmetrics/provider-core";
import { networkFailure, responseFailure } from "@leadmetrics/provider-wordpress";
import { PermanentJobError } from "@leadmetrics/queue";
import { describe, expect, it } from "vitest";
import { publishFailureText, UNEXPECTED_PUBLISH_FAILURE } from "../src/roles/publisher";

describe("publishFailureText: what an activity's lastError says after a failed publish", () => {
  const site = "https://example.com";
  it("the site's failure in plain words, naming the host and the next step", () => {
    expect(publishFailureText(responseFailure(401, { code: "incorrect_password" }, site))).toBe(
      "WordPress at example.com refused the password: reconnect in Channels with a new application password.",
    );
    expect(publishFailureText(responseFailure(404, { code: "rest_no_route" }, site))).toMatch(
      /^example\.com does not answer like a WordPress site/,
    );
    expect(publishFailureText(responseFailure(500, undefined, site))).toMatch(
      /^WordPress at example\.com had a server error/,
    );
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:443"), { code: "ECONNREFUSED" }),
    });
    expect(publishFailureText(networkFailure(refused, site))).toBe(
      "WordPress at example.com could not be reached: check that the site is online, then try again.",
    );
    expect(
      publishFailureText(networkFailure(new NotPublicAddressError("example.com", "10.1.2.3"), site)),
    ).not.toContain("10.1.2.3");
  });

  it("our own refusals as they are; anything else never leaks its raw text", () => {
    expect(publishFailureText(new PermanentJobError("No WordPress site is connected: connect one in Channels."))).toBe(
      "No WordPress site is connected: connect one in Channels.",
    );
    for (const raw of [new TypeError("fetch failed"), new Error("connect ECONNREFUSED 127.0.0.1:5432"), "boom", null])
      expect(publishFailureText(raw)).toBe(UNEXPECTED_PUBLISH_FAILURE);
  });
});
