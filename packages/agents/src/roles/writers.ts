import { z } from "zod";
import { contentWriter } from "./content-writer";

const blogOutput = z.object({
  title: z.string().min(5).max(200),
  body: z.string().min(100),
  metaDescription: z.string().min(10).max(320),
});

export const blogWriter = contentWriter({
  role: "blog-writer",
  concurrency: 2,
  lockDurationMs: 5 * 60_000,
  outputSchema: blogOutput,
  outputSpec:
    'Respond with JSON only: {"title": string (5-200 chars), "body": markdown string of 600-1200 words with ## headings, "metaDescription": string (<= 160 chars)}',
  offlineAnswer: (a) => ({
    title: `${a.topic}: a practical guide`,
    body: "",
    metaDescription: `What ${a.topic} means for you, in plain words.`,
  }),
  toDraft: (o) => ({ title: o.title, body: o.body, extra: { metaDescription: o.metaDescription } }),
  storeCurrent: async (tx, a, d) => {
    await tx.blogPost.upsert({
      where: { activityId: a.id },
      create: { tenantId: a.tenantId, activityId: a.id, title: d.title, body: d.body },
      update: { title: d.title, body: d.body },
    });
  },
});

const socialOutput = z.object({
  text: z.string().min(10).max(3_000),
  hashtags: z.array(z.string().regex(/^#?\w+$/)).max(10),
});

export const socialPostWriter = contentWriter({
  role: "social-post-writer",
  concurrency: 2,
  lockDurationMs: 5 * 60_000,
  outputSchema: socialOutput,
  outputSpec:
    'Respond with JSON only: {"text": the post (<= 1300 characters, no hashtags inside), "hashtags": up to 5 strings like "#marketing"}',
  offlineAnswer: (a) => ({ text: "", hashtags: [`#${(a.keyword ?? "marketing").replace(/\W+/g, "")}`] }),
  toDraft: (o, a) => {
    const tags = o.hashtags.map((h) => (h.startsWith("#") ? h : `#${h}`));
    return { title: a.topic, body: tags.length ? `${o.text}\n\n${tags.join(" ")}` : o.text, extra: { hashtags: tags } };
  },
  storeCurrent: async (tx, a, d) => {
    await tx.socialPost.upsert({
      where: { activityId: a.id },
      create: { tenantId: a.tenantId, activityId: a.id, channel: a.channel, text: d.body },
      update: { text: d.body },
    });
  },
});

const strategyOutput = z.object({
  title: z.string().min(5).max(200),
  body: z.string().min(100),
  keyMessages: z.array(z.string().min(3)).min(1).max(8),
});

export const strategyWriter = contentWriter({
  role: "strategy-writer",
  concurrency: 2,
  lockDurationMs: 5 * 60_000,
  outputSchema: strategyOutput,
  outputSpec:
    'Respond with JSON only: {"title": string, "body": markdown strategy document (goals, audience, channels, calendar, measures), "keyMessages": 3-6 strings}',
  offlineAnswer: (a) => ({
    title: `Strategy: ${a.topic}`,
    body: "",
    keyMessages: [`${a.topic} matters`, "Measure what you publish"],
  }),
  toDraft: (o) => ({ title: o.title, body: o.body, extra: { keyMessages: o.keyMessages } }),
});
