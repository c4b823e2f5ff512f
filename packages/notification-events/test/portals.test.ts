import { describe, expect, it } from "vitest";
import {
  activityPath,
  NOTIFICATION_EVENT_DEFINITIONS,
  NOTIFICATION_EVENT_GROUPS,
  notificationSettingsUrl,
  oneTimeLinkUrl,
  portalOf,
  portalUrl,
} from "../src/index";

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

describe("the settings link", () => {
  it("opens the notification settings in the recipient's portal; an address alone has none", () => {
    expect(notificationSettingsUrl(urls, "dm")).toBe("https://dm.example/settings/notifications");
    expect(notificationSettingsUrl(urls, "dashboard")).toBe("https://app.example/settings/notifications");
    expect(notificationSettingsUrl(urls, undefined)).toBeNull();
  });

  it("explains every mandatory event and files every event under a settings group", () => {
    for (const [event, def] of Object.entries(NOTIFICATION_EVENT_DEFINITIONS)) {
      expect(NOTIFICATION_EVENT_GROUPS, event).toContain(def.group);
      if ("mandatory" in def) expect(def.mandatory.why, event).toMatch(/\w+ \w+/);
    }
  });
});

describe("activity links", () => {
  it("open an activity where the recipient works on it: the DM review page for staff, the Dashboard for clients", () => {
    const failed = NOTIFICATION_EVENT_DEFINITIONS.publish_failed.link;
    expect(failed({ activityId: "a1" }, "dm")).toBe("/review/a1");
    expect(failed({ activityId: "a1" }, "dashboard")).toBe("/activities/a1");
    expect(activityPath("dm", "a2")).toBe("/review/a2");
  });
});
