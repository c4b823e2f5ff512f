import { DELIVERABLE_CATALOG } from "@leadmetrics/catalog";
import type { Activity, ClientContext, ContentVersion, Skill } from "@leadmetrics/db";
import type { WakeReason } from "@leadmetrics/queue";

export interface ActivityPromptInput {
  tenantName: string;
  activity: Pick<Activity, "type" | "topic" | "keyword" | "format" | "channel" | "revision">;
  context: Pick<ClientContext, "version" | "brandVoice" | "audience" | "products"> | null;
  skills: Pick<Skill, "name" | "instructions">[];
  priorOutput: Pick<ContentVersion, "number" | "title" | "body"> | null;
  wakeReason: WakeReason;
  /** Reviewer or client feedback that sent the activity back, newest first. */
  feedback: { from: "reviewer" | "client"; text: string }[];
  /** Describes the JSON the role expects back. */
  outputSpec: string;
}

const WAKE_TEXT: Record<WakeReason, string> = {
  new_task: "This is a new task: write the first draft.",
  rejection:
    "This is a redraft: the previous draft was rejected. Address every point of the feedback below; keep what was not criticised.",
  review_approved: "The draft was approved: polish it for publication without changing its substance.",
};

/**
 * The prompt of a content agent: the brief, the client context, skills, the prior output, why the
 * agent was woken and the reviewers' feedback. One builder for every content role.
 */
export function buildActivityPrompt(input: ActivityPromptInput): { system: string; prompt: string } {
  const { activity, context } = input;
  const system =
    `You are a senior digital-marketing writer at an agency, writing for ${input.tenantName}. ` +
    "You write in the client's brand voice, for their audience, and you answer with JSON only.";
  const lines: string[] = [
    `# Task`,
    `Write a ${DELIVERABLE_CATALOG[activity.type].taskNoun} for ${input.tenantName}.`,
    `Topic: ${activity.topic}`,
    ...(activity.keyword ? [`Keyword: ${activity.keyword}`] : []),
    ...(activity.format ? [`Format: ${activity.format}`] : []),
    ...(activity.channel ? [`Channel: ${activity.channel}`] : []),
    `Revision: ${activity.revision}`,
    "",
    `# Client context${context ? ` (version ${context.version})` : ""}`,
    ...(context
      ? [`Brand voice: ${context.brandVoice}`, `Audience: ${context.audience}`, `Products: ${context.products}`]
      : ["No client context has been written yet: keep the tone professional and neutral."]),
  ];
  if (input.skills.length > 0) {
    lines.push("", "# Skills", ...input.skills.map((s) => `- ${s.name}: ${s.instructions}`));
  }
  lines.push("", `# Why you are working on this now`, WAKE_TEXT[input.wakeReason]);
  if (input.feedback.length > 0) {
    lines.push(...input.feedback.map((f) => `Reviewer feedback: ${f.from === "client" ? "[client] " : ""}${f.text}`));
  }
  if (input.priorOutput) {
    lines.push(
      "",
      `# Previous draft (version ${input.priorOutput.number})`,
      `Title: ${input.priorOutput.title}`,
      input.priorOutput.body,
    );
  }
  lines.push("", "# Output", input.outputSpec);
  return { system, prompt: lines.join("\n") };
}

/** The deterministic offline adapter answers with this block verbatim (see adapter-offline). */
export const offlineExample = (example: unknown) =>
  `\n\n\`\`\`offline-example\n${JSON.stringify(example, null, 2)}\n\`\`\``;

/** The prompt as sent to the adapter: only the offline adapter is shown the answer to give. */
export const withOfflineExample = (prompt: string, adapter: string, example: unknown): string =>
  adapter === "offline" ? prompt + offlineExample(example) : prompt;
