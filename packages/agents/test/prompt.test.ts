import { describe, expect, it } from "vitest";
import { type ActivityPromptInput, buildActivityPrompt, offlineExample, withOfflineExample } from "../src";
import { socialOutputSpec } from "../src/roles/writers";

const input = (overrides: Partial<ActivityPromptInput> = {}): ActivityPromptInput => ({
  tenantName: "Acme Digital",
  activity: {
    type: "blog_post",
    topic: "Spring sale ideas",
    keyword: "spring sale",
    format: "how-to guide",
    channel: null,
    revision: 1,
  },
  context: { version: 3, brandVoice: "Warm and direct", audience: "Small shop owners", products: "POS terminals" },
  skills: [],
  priorOutput: null,
  wakeReason: "new_task",
  feedback: [],
  outputSpec: 'Respond with JSON only: {"title": string}',
  ...overrides,
});

describe("buildActivityPrompt", () => {
  it("states the brief: what to write, for whom, topic, keyword, format, channel and revision", () => {
    const { system, prompt } = buildActivityPrompt(
      input({
        activity: {
          type: "social_post",
          topic: "Open day",
          keyword: "open day",
          format: "short post",
          channel: "linkedin",
          revision: 2,
        },
      }),
    );
    expect(system).toContain("writing for Acme Digital");
    expect(system).toContain("JSON only");
    expect(prompt).toContain("Write a social media post for Acme Digital.");
    expect(prompt).toContain("Topic: Open day");
    expect(prompt).toContain("Keyword: open day");
    expect(prompt).toContain("Format: short post");
    expect(prompt).toContain("Channel: linkedin");
    expect(prompt).toContain("Revision: 2");
  });

  it("names each deliverable type as the writer should understand it", () => {
    expect(buildActivityPrompt(input()).prompt).toContain("Write a blog post for Acme Digital.");
    const strategy = buildActivityPrompt(input({ activity: { ...input().activity, type: "strategy" } }));
    expect(strategy.prompt).toContain("Write a marketing strategy document for Acme Digital.");
  });

  it("leaves out the keyword, format and channel lines when the brief has none", () => {
    const { prompt } = buildActivityPrompt(
      input({ activity: { ...input().activity, keyword: null, format: null, channel: null } }),
    );
    expect(prompt).not.toMatch(/^Keyword:/m);
    expect(prompt).not.toMatch(/^Format:/m);
    expect(prompt).not.toMatch(/^Channel:/m);
  });

  it("includes the client context with its version, or says there is none", () => {
    const { prompt } = buildActivityPrompt(input());
    expect(prompt).toContain("# Client context (version 3)");
    expect(prompt).toContain("Brand voice: Warm and direct");
    expect(prompt).toContain("Audience: Small shop owners");
    expect(prompt).toContain("Products: POS terminals");
    const none = buildActivityPrompt(input({ context: null })).prompt;
    expect(none).toContain("# Client context\n");
    expect(none).toContain("No client context has been written yet");
    expect(none).not.toContain("Brand voice:");
  });

  it("lists the skills, and has no skills section without any", () => {
    const { prompt } = buildActivityPrompt(
      input({
        skills: [
          { name: "SEO", instructions: "Use the keyword in the first paragraph." },
          { name: "Tone", instructions: "No exclamation marks." },
        ],
      }),
    );
    expect(prompt).toContain("# Skills\n- SEO: Use the keyword in the first paragraph.\n- Tone: No exclamation marks.");
    expect(buildActivityPrompt(input()).prompt).not.toContain("# Skills");
  });

  it("says why the agent was woken", () => {
    expect(buildActivityPrompt(input({ wakeReason: "new_task" })).prompt).toContain(
      "# Why you are working on this now\nThis is a new task: write the first draft.",
    );
    expect(buildActivityPrompt(input({ wakeReason: "rejection" })).prompt).toContain(
      "This is a redraft: the previous draft was rejected.",
    );
    expect(buildActivityPrompt(input({ wakeReason: "review_approved" })).prompt).toContain(
      "The draft was approved: polish it for publication",
    );
  });

  it("passes on the feedback, marking the client's", () => {
    const { prompt } = buildActivityPrompt(
      input({
        wakeReason: "rejection",
        feedback: [
          { from: "client", text: "Mention the 20% discount." },
          { from: "reviewer", text: "Shorter intro." },
        ],
      }),
    );
    expect(prompt).toContain("Reviewer feedback: [client] Mention the 20% discount.");
    expect(prompt).toContain("Reviewer feedback: Shorter intro.");
    expect(buildActivityPrompt(input()).prompt).not.toContain("Reviewer feedback");
  });

  it("shows the previous draft to redraft from", () => {
    const { prompt } = buildActivityPrompt(
      input({ priorOutput: { number: 2, title: "Spring sale: five ideas", body: "## One\nStart early." } }),
    );
    expect(prompt).toContain("# Previous draft (version 2)\nTitle: Spring sale: five ideas\n## One\nStart early.");
    expect(buildActivityPrompt(input()).prompt).not.toContain("# Previous draft");
  });

  it("ends with the output the role expects", () => {
    const { prompt } = buildActivityPrompt(input());
    expect(prompt.endsWith('# Output\nRespond with JSON only: {"title": string}')).toBe(true);
  });
});

describe("withOfflineExample", () => {
  const example = { title: "Spring sale: a practical guide" };

  it("appends the example answer for the offline adapter", () => {
    const sent = withOfflineExample("the prompt", "offline", example);
    expect(sent).toBe(`the prompt${offlineExample(example)}`);
    expect(sent).toContain("```offline-example\n");
    expect(sent).toContain('"title": "Spring sale: a practical guide"');
  });

  it.each(["anthropic", "openai", "gemini", "claude-cli"])("sends the prompt unchanged to %s", (adapter) => {
    expect(withOfflineExample("the prompt", adapter, example)).toBe("the prompt");
  });
});

describe("a social post's output spec follows its network", () => {
  it("names the network, its room for text and hashtags, and how it treats links", () => {
    expect(socialOutputSpec({ channel: "x" })).toContain("the post for X (<= 240 characters");
    expect(socialOutputSpec({ channel: "x" })).toContain("up to 3 strings");
    expect(socialOutputSpec({ channel: "instagram" })).toContain("the link in our bio");
    expect(socialOutputSpec({ channel: "google_business" })).toContain('"Learn more" button');
    expect(socialOutputSpec({ channel: null })).toContain("(<= 1300 characters");
  });
});
