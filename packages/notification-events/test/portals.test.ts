import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENT_DEFINITIONS, oneTimeLinkUrl, portalOf, portalUrl } from "../src/index";

const urls = { dashboard: "https://app.example", dm: "https://dm.example" };

describe("portal links", () => {
  it("opens staff links in DM and clients' in the Dashboard", () => {
    expect(portalOf("none")).toBe("dashboard");
    expect(portalOf("dm_reviewer")).toBe("dm");
    expect(portalOf("super_admin")).toBe("dm");
  });

  it("builds a link in the recipient's portal; an address without an account gets the Dashboard", () => {
    expect(portalUrl(urls, "dm", "/review/a1")).toBe("https://dm.example/review/a1");
    expect(portalUrl(urls, undefined, "/activities/a1")).toBe("https://app.example/activities/a1");
  });

  it("puts the one-time token, encoded, on the event's page", () => {
    const link = NOTIFICATION_EVENT_DEFINITIONS.password_reset.oneTimeLink;
    expect(oneTimeLinkUrl(urls, "dashboard", link, "a+b/c")).toBe("https://app.example/reset-password?token=a%2Bb%2Fc");
  });
});
