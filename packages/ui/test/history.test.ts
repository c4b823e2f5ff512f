import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivityHistory, type HistoryEvent, historySentence } from "../src";
import type { HistoryAction } from "../src/history";

const riley = { actorType: "user", actorName: "Riley", actorRole: "reviewer" } as const;
const dana = { actorType: "user", actorName: "Dana", actorRole: "owner" } as const;
const agent = { actorType: "agent", actorName: null, actorRole: null } as const;
const system = { actorType: "system", actorName: null, actorRole: null } as const;
// An operator (super-admin) has no role in the workspace.
const sam = { actorType: "user", actorName: "Sam", actorRole: null } as const;

const event = (
  action: HistoryAction,
  actor: Pick<HistoryEvent, "actorType" | "actorName" | "actorRole">,
  more: Partial<HistoryEvent> = {},
): HistoryEvent => ({
  id: `${action}-id`,
  action,
  actorId: null,
  fromStatus: null,
  toStatus: "drafting",
  feedback: null,
  versionNumber: 2,
  createdAt: "2026-03-02T10:00:00.000Z",
  ...actor,
  ...more,
});

// Every action the pipeline records, with the actor it records it for (typed: a new action fails to compile here).
const EXPECTED: Record<HistoryAction, [HistoryEvent, string]> = {
  start_drafting: [event("start_drafting", system), "The blog writer started the first draft"],
  draft_ready: [event("draft_ready", agent), "The blog writer drafted version 2"],
  draft_failed: [event("draft_failed", system), "The blog writer could not finish a draft, so it waits for a person"],
  credits_short: [event("credits_short", system), "The blog writer could not start: it waits for credits"],
  credits_granted: [event("credits_granted", sam), "Sam added credits, so the blog writer starts again"],
  dm_approve: [event("dm_approve", riley), "Riley (reviewer) approved it for the client's review"],
  dm_edit_approve: [
    event("dm_edit_approve", riley, { versionNumber: 3 }),
    "Riley (reviewer) edited it into version 3 and approved it for the client's review",
  ],
  dm_reject: [event("dm_reject", riley, { feedback: "Shorter intro" }), "Riley (reviewer) asked for changes"],
  dm_retry: [event("dm_retry", riley), "Riley (reviewer) sent it back to the blog writer"],
  client_approve: [event("client_approve", dana), "Dana (owner) approved it"],
  client_reject: [event("client_reject", dana), "Dana (owner) asked for changes"],
  publish_start: [event("publish_start", agent), "The publisher started publishing it"],
  publish_succeeded: [event("publish_succeeded", agent), "The publisher published it"],
  publish_failed: [event("publish_failed", agent), "The publisher could not publish it"],
  retry_publish: [event("retry_publish", dana), "Dana (owner) asked to publish it again"],
};

describe("historySentence", () => {
  it.each(Object.entries(EXPECTED))("words %s", (_action, [e, sentence]) => {
    expect(historySentence(e, { type: "blog_post" })).toBe(sentence);
  });

  it("names the writer of the activity's type, the workspace of a member, and people who are gone", () => {
    expect(historySentence(event("draft_ready", agent, { versionNumber: null }), { type: "social_post" })).toBe(
      "The social post writer drafted a new version",
    );
    expect(historySentence(event("client_approve", dana), { type: "blog_post", workspaceName: "Acme" })).toBe(
      "Dana (Acme's owner) approved it",
    );
    expect(
      historySentence(event("client_approve", { ...dana, actorName: null }), {
        type: "blog_post",
        workspaceName: "Acme",
      }),
    ).toBe("Acme's owner approved it");
    expect(historySentence(event("dm_approve", { ...riley, actorName: null }), { type: "blog_post" })).toBe(
      "A reviewer approved it for the client's review",
    );
    expect(
      historySentence(event("client_reject", { ...dana, actorName: null, actorRole: null }), { type: "blog_post" }),
    ).toBe("Someone asked for changes");
    expect(historySentence(event("dm_reject", riley, { toStatus: "needs_attention" }), { type: "blog_post" })).toMatch(
      /^Riley \(reviewer\) asked for changes for the last time/,
    );
  });

  it("renders each sentence with its feedback quoted after it", () => {
    const html = renderToStaticMarkup(
      createElement(ActivityHistory, { events: [EXPECTED.dm_reject[0]], type: "blog_post" }),
    );
    expect(html).toContain("Riley (reviewer) asked for changes:</p>");
    expect(html).toMatch(/<blockquote[^>]*>Shorter intro<\/blockquote>/);
  });
});
