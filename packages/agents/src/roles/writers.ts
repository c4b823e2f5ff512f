import { CHANNEL_CATALOG, isSocialChannelKind } from "@leadmetrics/catalog";
import { type Activity, tenantSqlStatement, uuidv7 } from "@leadmetrics/db";
import { z } from "zod";
import { contentWriter } from "./content-writer";

// The role's current-content row, kept in step with each draft (one upsert on the thin SQL layer).
const upsertBlogPost = tenantSqlStatement<
  never,
  [id: string, activityId: string, title: string, body: string, now: string]
>(
  `INSERT INTO "BlogPost" ("tenantId", "id", "activityId", "title", "body", "updatedAt") VALUES ($1, $2::uuid, $3::uuid, $4, $5, $6::timestamp)
   ON CONFLICT ("activityId") DO UPDATE SET "title" = EXCLUDED."title", "body" = EXCLUDED."body", "updatedAt" = EXCLUDED."updatedAt"
   WHERE "BlogPost"."tenantId" = $1`,
);
const upsertSocialPost = tenantSqlStatement<
  never,
  [id: string, activityId: string, channel: string | null, text: string, now: string]
>(
  `INSERT INTO "SocialPost" ("tenantId", "id", "activityId", "channel", "text", "updatedAt") VALUES ($1, $2::uuid, $3::uuid, $4, $5, $6::timestamp)
   ON CONFLICT ("activityId") DO UPDATE SET "text" = EXCLUDED."text", "updatedAt" = EXCLUDED."updatedAt"
   WHERE "SocialPost"."tenantId" = $1`,
);

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
    await tx.$sql.rows(upsertBlogPost, uuidv7(), a.id, d.title, d.body, new Date().toISOString());
  },
});

const socialOutput = z.object({
  text: z.string().min(10).max(3_000),
  hashtags: z.array(z.string().regex(/^#?\w+$/)).max(10),
});

/** What a social post may hold on the network it is written for (the channel catalogue's limits). */
export function socialOutputSpec(activity: Pick<Activity, "channel">): string {
  const network = activity.channel && isSocialChannelKind(activity.channel) ? CHANNEL_CATALOG[activity.channel] : null;
  // Room for the hashtags, which follow the text on their own line.
  const maxText = network ? Math.min(1300, network.textLimit - 40) : 1300;
  const maxTags = Math.min(5, network?.maxHashtags ?? 5);
  const links =
    network?.links === "not_clickable"
      ? ` Links are not clickable on ${network.label}: point to "the link in our bio" instead of writing one.`
      : network?.links === "button"
        ? ` No links in the text: ${network.label} shows the link as a "Learn more" button.`
        : "";
  return `Respond with JSON only: {"text": the post${network ? ` for ${network.label}` : ""} (<= ${maxText} characters, no hashtags inside), "hashtags": up to ${maxTags} strings like "#marketing"}.${links}`;
}

export const socialPostWriter = contentWriter({
  role: "social-post-writer",
  concurrency: 2,
  lockDurationMs: 5 * 60_000,
  outputSchema: socialOutput,
  outputSpec: socialOutputSpec,
  offlineAnswer: (a) => ({ text: "", hashtags: [`#${(a.keyword ?? "marketing").replace(/\W+/g, "")}`] }),
  toDraft: (o, a) => {
    const tags = o.hashtags.map((h) => (h.startsWith("#") ? h : `#${h}`));
    return { title: a.topic, body: tags.length ? `${o.text}\n\n${tags.join(" ")}` : o.text, extra: { hashtags: tags } };
  },
  storeCurrent: async (tx, a, d) => {
    await tx.$sql.rows(upsertSocialPost, uuidv7(), a.id, a.channel, d.body, new Date().toISOString());
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
