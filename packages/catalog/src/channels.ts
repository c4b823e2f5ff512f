/**
 * Every kind of channel a workspace can connect (the `ConnectedChannel.kind` column): how it is
 * connected and what a post on it may hold. The portals show these limits to reviewers and
 * clients before approval; the API refuses a client approval that breaks them; the publisher
 * resizes images to them. One entry per network, nothing else lists them.
 */

export type ChannelAuthType = "app_password" | "oauth2";

/** What the network does with a link in the text. */
export type LinkHandling =
  /** Clickable in the text, with a preview card. */
  | "preview"
  /** Clickable, and shortened: every link counts as `linkLength` characters. */
  | "shortened"
  /** Shown as text, not clickable (Instagram captions): put it in the bio. */
  | "not_clickable"
  /** Not in the text: a "Learn more" button carries it (Google Business Profile). */
  | "button";

export interface ChannelMediaRules {
  /** A post without an image is refused (Instagram). */
  imageRequired: boolean;
  maxImages: number;
  /** Image types the network accepts; the publisher converts anything else to the first. */
  formats: readonly ("image/jpeg" | "image/png" | "image/gif" | "image/webp")[];
  /** Bytes per image after conversion. */
  maxImageBytes: number;
  /** Longest side in pixels; larger images are scaled down. */
  maxSide: number;
  /** Shortest side in pixels; smaller images are refused (upscaling blurs them). */
  minSide: number;
  /** Width ÷ height the network accepts; outside it the image is padded to the nearest bound. */
  aspectRatio?: { min: number; max: number };
}

export interface ChannelKindFacts {
  /** For people: "LinkedIn". */
  label: string;
  /** What one connected account of it is called: "page", "site". */
  accountNoun: string;
  authType: ChannelAuthType;
  /** Whether the network publishes social posts (WordPress publishes blog posts). */
  social: boolean;
  /** Characters in a post's text. */
  textLimit: number;
  /** Hashtags a post may carry before the network refuses or buries it; null when it does not care. */
  maxHashtags: number | null;
  links: LinkHandling;
  /** The characters one link counts as, where the network shortens links. */
  linkLength?: number;
  media: ChannelMediaRules;
}

const JPEG_PNG = ["image/jpeg", "image/png"] as const;

export const CHANNEL_CATALOG = {
  wordpress: {
    label: "WordPress",
    accountNoun: "site",
    authType: "app_password",
    social: false,
    textLimit: 1_000_000,
    maxHashtags: null,
    links: "preview",
    media: {
      imageRequired: false,
      maxImages: 20,
      formats: ["image/jpeg", "image/png", "image/gif", "image/webp"],
      maxImageBytes: 10_000_000,
      maxSide: 2560,
      minSide: 1,
    },
  },
  linkedin: {
    label: "LinkedIn",
    accountNoun: "page or profile",
    authType: "oauth2",
    social: true,
    textLimit: 3000,
    maxHashtags: 10,
    links: "preview",
    media: {
      imageRequired: false,
      maxImages: 9,
      formats: ["image/jpeg", "image/png", "image/gif"],
      maxImageBytes: 8_000_000,
      maxSide: 4096,
      minSide: 200,
    },
  },
  facebook: {
    label: "Facebook Page",
    accountNoun: "page",
    authType: "oauth2",
    social: true,
    textLimit: 63_206,
    maxHashtags: 10,
    links: "preview",
    media: {
      imageRequired: false,
      maxImages: 10,
      formats: JPEG_PNG,
      maxImageBytes: 4_000_000,
      maxSide: 2048,
      minSide: 200,
    },
  },
  instagram: {
    label: "Instagram",
    accountNoun: "business account",
    authType: "oauth2",
    social: true,
    textLimit: 2200,
    maxHashtags: 30,
    links: "not_clickable",
    media: {
      imageRequired: true,
      maxImages: 10,
      formats: ["image/jpeg"],
      maxImageBytes: 8_000_000,
      maxSide: 1440,
      minSide: 320,
      aspectRatio: { min: 4 / 5, max: 1.91 },
    },
  },
  google_business: {
    label: "Google Business Profile",
    accountNoun: "location",
    authType: "oauth2",
    social: true,
    textLimit: 1500,
    maxHashtags: null,
    links: "button",
    media: {
      imageRequired: false,
      maxImages: 1,
      formats: JPEG_PNG,
      maxImageBytes: 5_000_000,
      maxSide: 2048,
      minSide: 250,
    },
  },
  x: {
    label: "X",
    accountNoun: "account",
    authType: "oauth2",
    social: true,
    textLimit: 280,
    maxHashtags: 3,
    links: "shortened",
    linkLength: 23,
    media: {
      imageRequired: false,
      maxImages: 4,
      formats: ["image/jpeg", "image/png", "image/gif", "image/webp"],
      maxImageBytes: 5_000_000,
      maxSide: 4096,
      minSide: 1,
    },
  },
} as const satisfies Record<string, ChannelKindFacts>;

export type ChannelKind = keyof typeof CHANNEL_CATALOG;
export const CHANNEL_KINDS = Object.keys(CHANNEL_CATALOG) as [ChannelKind, ...ChannelKind[]];
export type SocialChannelKind = {
  [K in ChannelKind]: (typeof CHANNEL_CATALOG)[K]["social"] extends true ? K : never;
}[ChannelKind];
export const SOCIAL_CHANNEL_KINDS = CHANNEL_KINDS.filter((k) => CHANNEL_CATALOG[k].social) as [
  SocialChannelKind,
  ...SocialChannelKind[],
];

export const isChannelKind = (value: string): value is ChannelKind => Object.hasOwn(CHANNEL_CATALOG, value);
export const isSocialChannelKind = (value: string): value is SocialChannelKind =>
  isChannelKind(value) && CHANNEL_CATALOG[value].social;

export const channelKindLabel = (kind: string): string => (isChannelKind(kind) ? CHANNEL_CATALOG[kind].label : kind);

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const HASHTAG_PATTERN = /(^|\s)#[\p{L}\p{N}_]+/gu;

/** A post as the limits see it. */
export interface PostShape {
  text: string;
  imageCount: number;
}

/** One limit a post breaks, in words a reviewer can act on. */
export interface PostLimitProblem {
  code: "too_long" | "too_many_hashtags" | "image_required" | "too_many_images";
  message: string;
}

/** What the counters show: characters as the network counts them, hashtags, links. */
export interface PostMeasure {
  length: number;
  textLimit: number;
  hashtags: number;
  maxHashtags: number | null;
  links: number;
}

/** Characters as the network counts them: code points, and X's shortened links at their fixed length. */
export function measurePost(kind: ChannelKind, text: string): PostMeasure {
  const facts: ChannelKindFacts = CHANNEL_CATALOG[kind];
  const links = text.match(URL_PATTERN) ?? [];
  let length = [...text].length;
  if (facts.links === "shortened" && facts.linkLength)
    for (const link of links) length += facts.linkLength - [...link].length;
  return {
    length,
    textLimit: facts.textLimit,
    hashtags: (text.match(HASHTAG_PATTERN) ?? []).length,
    maxHashtags: facts.maxHashtags,
    links: links.length,
  };
}

/** Every limit of the network the post breaks; empty when it may be published as it is. */
export function checkPostLimits(kind: ChannelKind, post: PostShape): PostLimitProblem[] {
  const facts: ChannelKindFacts = CHANNEL_CATALOG[kind];
  const m = measurePost(kind, post.text);
  const problems: PostLimitProblem[] = [];
  if (m.length > m.textLimit)
    problems.push({
      code: "too_long",
      message: `${facts.label} takes ${m.textLimit.toLocaleString("en")} characters; this post has ${m.length.toLocaleString("en")}: shorten it by ${(m.length - m.textLimit).toLocaleString("en")}.`,
    });
  if (m.maxHashtags !== null && m.hashtags > m.maxHashtags)
    problems.push({
      code: "too_many_hashtags",
      message: `${facts.label} posts should carry at most ${m.maxHashtags} hashtags; this one has ${m.hashtags}.`,
    });
  if (facts.media.imageRequired && post.imageCount === 0)
    problems.push({
      code: "image_required",
      message: `${facts.label} needs an image with every post: add one from the media library.`,
    });
  if (post.imageCount > facts.media.maxImages)
    problems.push({
      code: "too_many_images",
      message: `${facts.label} takes at most ${facts.media.maxImages} image${facts.media.maxImages === 1 ? "" : "s"} per post; this one has ${post.imageCount}.`,
    });
  return problems;
}

/** Whether a channel of this kind can publish a deliverable going to `target` (blog posts to sites, social posts to networks). */
export const channelServes = (target: "wordpress" | "social" | "app", kind: string): boolean =>
  target === "wordpress" ? kind === "wordpress" : target === "social" ? isSocialChannelKind(kind) : false;
