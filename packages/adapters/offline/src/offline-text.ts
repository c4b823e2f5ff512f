import { createHash } from "node:crypto";
import type { LlmRequest } from "@leadmetrics/adapter-core";

/** Keys whose string values are long texts: the offline answer writes them instead of echoing the example. */
const LONG_TEXT_KEYS = new Set(["body", "text"]);
/** The writer's account of what it changed for the feedback: shown to reviewers, never published. */
const CHANGE_NOTE_KEY = "changeNote";

const EXAMPLE_BLOCK = /```offline-example[^\S\n]*\n([\s\S]*?)\n?```/g;

const OPENINGS = [
  "Here is a practical take on {topic}.",
  "This piece looks at {topic} from the reader's side.",
  "A short, concrete guide to {topic}.",
  "What matters most about {topic}, in plain words.",
];
const MIDDLES = [
  "Start with the one outcome your audience cares about, then show the steps that get them there.",
  "Lead with a specific example, because numbers and names are remembered longer than claims.",
  "Keep each section to a single idea and end it with something the reader can do today.",
  "Answer the obvious objection early; trust grows when doubts are named rather than ignored.",
  "Use the customer's own words where you can: it reads as evidence, not as marketing.",
];
const SECTION_HEADINGS = ["Where to start", "What works", "Common mistakes", "What to do next"];
const CLOSINGS = [
  "Measure one thing for the next four weeks and adjust from there.",
  "Close with a clear next step and a reason to take it now.",
  "Revisit the plan after the first results instead of guessing in advance.",
];

/** A seeded generator: the same request always yields the same choices. */
function picker(seed: string) {
  let state = Number.parseInt(createHash("sha256").update(seed).digest("hex").slice(0, 8), 16) >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const index = (n: number) => Math.floor(next() * n);
  return {
    one: <T>(items: readonly T[]): T => items[index(items.length)]!,
    /** Two different items (the lists have at least two). */
    two: <T>(items: readonly T[]): [T, T] => {
      const i = index(items.length);
      return [items[i]!, items[(i + 1 + index(items.length - 1)) % items.length]!];
    },
  };
}

function requestSeed(req: Pick<LlmRequest, "system" | "prompt" | "model">): string {
  return createHash("sha256").update(`${req.model}\0${req.system}\0${req.prompt}`).digest("hex");
}

const feedbackLines = (req: Pick<LlmRequest, "prompt">) =>
  req.prompt
    .split(/\r?\n/)
    .filter((l) => /^\s*Reviewer feedback:/i.test(l))
    .map((l) => l.replace(/^\s*Reviewer feedback:\s*/i, "").trim());

/**
 * A short post for the answer's top-level `text` (a social post): two sentences naming the topic,
 * well inside every network's limit (X's 280 characters with its hashtags).
 */
function shortPost(req: Pick<LlmRequest, "system" | "prompt" | "model">): string {
  const pick = picker(`${requestSeed(req)}:post`);
  const topicLine = req.prompt.split(/\r?\n/).find((l) => /^\s*Topic:/i.test(l));
  const topic = (topicLine?.replace(/^\s*Topic:\s*/i, "").trim() || "the brief").slice(0, 80);
  const revised = feedbackLines(req).length > 0 ? " (revised)" : "";
  return `${pick.one(OPENINGS).replace("{topic}", topic)} ${pick.one(CLOSINGS)}${revised}`;
}

/**
 * Deterministic markdown for `req` that names the prompt's topic. Only the content: the title is
 * its own field (never repeated as a heading here) and feedback goes to the change note.
 */
function prose(req: Pick<LlmRequest, "system" | "prompt" | "model">, salt: string): string {
  const pick = picker(`${requestSeed(req)}:${salt}`);
  const topicLine = req.prompt.split(/\r?\n/).find((l) => /^\s*Topic:/i.test(l));
  const topic = topicLine?.replace(/^\s*Topic:\s*/i, "").trim() || "the brief";
  // A redraft reads differently from the draft before it, as a model's would.
  const revised = feedbackLines(req).length > 0;
  const [middle1, middle2] = pick.two(MIDDLES);
  return [
    `${pick.one(OPENINGS).replace("{topic}", topic)} ${middle1}`,
    `## ${pick.one(SECTION_HEADINGS)}`,
    `${middle2} ${pick.one(CLOSINGS)}${revised ? " This version is tighter and answers the review." : ""}`,
    "_Generated offline: deterministic placeholder text, not a model's answer._",
  ].join("\n\n");
}

/** What the redraft changed, quoting each piece of feedback; empty for a first draft. */
function changeNote(req: Pick<LlmRequest, "prompt">): string {
  const feedback = feedbackLines(req);
  if (feedback.length === 0) return "";
  return `Addressed ${feedback.map((f) => `"${f}"`).join(" and ")} in this version. (Offline adapter: a deterministic note, not a model's.)`;
}

function fillLongTexts(value: unknown, req: Pick<LlmRequest, "system" | "prompt" | "model">, path: string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => fillLongTexts(v, req, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === CHANGE_NOTE_KEY && typeof v === "string"
        ? changeNote(req)
        : path === "$" && key === "text" && typeof v === "string"
          ? shortPost(req)
          : LONG_TEXT_KEYS.has(key) && typeof v === "string"
            ? prose(req, `${path}.${key}`)
            : fillLongTexts(v, req, `${path}.${key}`),
    ]),
  );
}

/**
 * The offline adapter's whole answer. When the prompt carries a ```offline-example block (the last one
 * wins: a repair prompt repeats the original), the answer is that JSON with `body`/`text` strings
 * written out; otherwise deterministic prose.
 */
export function offlineAnswer(req: Pick<LlmRequest, "system" | "prompt" | "model">): string {
  const example = [...req.prompt.matchAll(EXAMPLE_BLOCK)].at(-1)?.[1];
  if (example === undefined) return prose(req, "answer");
  let parsed: unknown;
  try {
    parsed = JSON.parse(example);
  } catch {
    return example; // not JSON: the caller's example is returned as written
  }
  return JSON.stringify(fillLongTexts(parsed, req, "$"), null, 2);
}
