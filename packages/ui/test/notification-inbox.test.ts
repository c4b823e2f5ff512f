import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NotificationInbox, timeAgo } from "../src/notification-inbox";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const noop = async () => ({ error: "not in this test" });

describe("timeAgo", () => {
  it("says how long ago in words", () => {
    expect(timeAgo(ago(10), NOW)).toBe("just now");
    expect(timeAgo(ago(4 * 60), NOW)).toBe("4 minutes ago");
    expect(timeAgo(ago(3 * 3600), NOW)).toBe("3 hours ago");
    expect(timeAgo(ago(26 * 3600), NOW)).toBe("yesterday");
    expect(timeAgo(ago(15 * 86400), NOW)).toBe("2 weeks ago");
  });
});

describe("NotificationInbox", () => {
  const item = (over: Record<string, unknown>) => ({
    id: "n1",
    event: "ready_for_client_review",
    title: "Ready for your approval: Spring launch",
    body: "Ready for your approval: Spring launch",
    objectTitle: "Spring launch",
    link: "/activities/a1",
    url: "https://app.example/activities/a1",
    read: false,
    createdAt: ago(60),
    ...over,
  });
  const render = (items: ReturnType<typeof item>[], unreadCount: number) =>
    renderToStaticMarkup(
      createElement(NotificationInbox, {
        initial: { items, total: items.length + 5, unreadCount, page: 1, pageSize: 20 },
        actions: { loadPage: noop, markRead: noop, markAllRead: noop },
      }),
    );

  it("sets the object's title apart in the sentence, links to it, and offers more", () => {
    const html = render([item({})], 1);
    expect(html).toContain(
      '<a href="https://app.example/activities/a1" class="hover:underline">Ready for your approval: <span class="font-semibold text-slate-900">Spring launch</span></a>',
    );
    expect(html).toContain('<span class="sr-only">Unread: </span>');
    expect(html).toContain(">Mark read</button>");
    expect(html).toContain("1 unread");
    expect(html).toContain(">Load more</button>");
  });

  it("says the reader is all caught up when there is nothing", () => {
    const html = render([], 0);
    expect(html).toContain("You&#x27;re all caught up");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Mark all read<\/button>/);
  });
});
