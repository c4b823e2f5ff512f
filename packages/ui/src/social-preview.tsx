import {
  CHANNEL_CATALOG,
  checkPostLimits,
  isSocialChannelKind,
  type LinkHandling,
  measurePost,
  type SocialChannelKind,
} from "@leadmetrics/catalog";
import type { ReactNode } from "react";
import { AccountAvatar } from "./account-avatar";
import { cx } from "./index";

export { AccountAvatar };

/** The account a post goes out as (the activity's `publishTo.channel`), or none yet. */
export interface PreviewAccount {
  name: string;
  handle?: string | null;
  avatarUrl?: string | null;
}

/** An image of the post; without `src` (a portal that cannot read the library) a numbered tile stands in. */
export interface PreviewImage {
  src?: string;
  alt: string;
}

/** Each network's colours, so a reviewer recognises it at a glance (never colour alone: the name is written). */
const LOOK: Record<SocialChannelKind, { accent: string; tag: string; actions: string[] }> = {
  linkedin: {
    accent: "bg-[#0a66c2]",
    tag: "text-[#0a66c2] font-semibold",
    actions: ["Like", "Comment", "Repost", "Send"],
  },
  facebook: { accent: "bg-[#1877f2]", tag: "text-[#1877f2]", actions: ["Like", "Comment", "Share"] },
  instagram: {
    accent: "bg-gradient-to-r from-[#f58529] via-[#dd2a7b] to-[#8134af]",
    tag: "text-[#00376b]",
    actions: ["Like", "Comment", "Share", "Save"],
  },
  google_business: { accent: "bg-[#1a73e8]", tag: "text-[#1a73e8]", actions: [] },
  x: { accent: "bg-black", tag: "text-[#1d9bf0]", actions: ["Reply", "Repost", "Like", "View"] },
};

const MARK: Record<SocialChannelKind, string> = {
  linkedin: "in",
  facebook: "f",
  instagram: "IG",
  google_business: "G",
  x: "X",
};

/** A network's mark in its colour (the name is always written beside it). */
export function NetworkMark({ kind }: { kind: SocialChannelKind }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        LOOK[kind].accent,
        "flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-sm font-bold text-white",
      )}
    >
      {MARK[kind]}
    </span>
  );
}

const LINK_NOTE: Record<LinkHandling, (label: string, linkLength?: number) => string> = {
  preview: (label) => `Links are clickable; ${label} shows a preview card of the first link when there is no image.`,
  shortened: (label, n) => `${label} shortens every link: each counts as ${n ?? 23} characters, whatever its length.`,
  not_clickable: (label) =>
    `${label} does not make links in a caption clickable: put the address in the profile's bio and say “link in bio”.`,
  button: (label) => `${label} does not show links in the text: the first one becomes the post's “Learn more” button.`,
};

const TOKEN = /(https?:\/\/[^\s<>"']+)|((?:^|(?<=\s))#[\p{L}\p{N}_]+)/gu;

/** The text as the network renders it: its line breaks, links and hashtags. */
function PostText({ kind, text }: { kind: SocialChannelKind; text: string }) {
  const facts = CHANNEL_CATALOG[kind];
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const [token] = m;
    if (m[1] && facts.links === "not_clickable") parts.push(token);
    else if (m[1]) {
      // X shows a shortened link: its start, then an ellipsis.
      const shown = facts.links === "shortened" ? `${token.replace(/^https?:\/\/(www\.)?/, "").slice(0, 22)}…` : token;
      parts.push(
        <a
          key={at}
          href={token}
          className={cx(LOOK[kind].tag, "break-all underline-offset-2 hover:underline")}
          rel="nofollow noreferrer"
        >
          {shown}
        </a>,
      );
    } else
      parts.push(
        <span key={at} className={LOOK[kind].tag}>
          {token}
        </span>,
      );
    last = at + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <div className="whitespace-pre-wrap break-words text-[15px] leading-relaxed text-slate-900">{parts}</div>;
}

/** Up to four images as the networks lay them out; more are counted on the last tile. */
function ImageGrid({ images, rounded }: { images: PreviewImage[]; rounded?: boolean }) {
  if (images.length === 0) return null;
  const shown = images.slice(0, 4);
  const more = images.length - shown.length;
  const layout =
    shown.length === 1
      ? "grid-cols-1"
      : shown.length === 2
        ? "grid-cols-2"
        : shown.length === 3
          ? "grid-cols-2 grid-rows-2"
          : "grid-cols-2";
  return (
    <div
      className={cx(
        "grid gap-0.5 overflow-hidden bg-slate-100",
        layout,
        rounded && "rounded-2xl border border-slate-200",
      )}
    >
      {shown.map((img, i) => (
        <div
          key={img.src ?? img.alt}
          className={cx(
            "relative bg-slate-200",
            shown.length === 1 ? "aspect-[1.91/1]" : "aspect-square",
            shown.length === 3 && i === 0 && "row-span-2 aspect-auto",
          )}
        >
          {img.src ? (
            // biome-ignore lint/performance/noImgElement: the workspace's own file through the portal, already sized by the network's rules
            <img src={img.src} alt={img.alt} className="absolute inset-0 h-full w-full object-cover" />
          ) : (
            <span className="absolute inset-0 flex items-center justify-center text-xs text-slate-500">{img.alt}</span>
          )}
          {more > 0 && i === shown.length - 1 ? (
            <span className="absolute inset-0 flex items-center justify-center bg-slate-900/55 text-xl font-semibold text-white">
              +{more}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** "1,234 of 3,000": a number against its limit, red once over. */
function Meter(props: { label: string; value: number; limit: number | null }) {
  const over = props.limit !== null && props.value > props.limit;
  const near = props.limit !== null && !over && props.value > props.limit * 0.9;
  return (
    <span
      className={cx("tabular-nums", over ? "font-semibold text-rose-700" : near ? "text-amber-800" : "text-slate-600")}
    >
      {props.value.toLocaleString("en")}
      {props.limit === null ? "" : ` of ${props.limit.toLocaleString("en")}`} {props.label}
    </span>
  );
}

/**
 * The counters a reviewer writes against: characters as the network counts them, hashtags, and
 * every limit the post breaks in words. `live` announces changes politely (the editor's counter).
 */
export function PostLimits(props: { kind: SocialChannelKind; text: string; imageCount: number; live?: boolean }) {
  const m = measurePost(props.kind, props.text);
  const problems = checkPostLimits(props.kind, { text: props.text, imageCount: props.imageCount });
  return (
    <div data-testid="post-limits" aria-live={props.live ? "polite" : undefined} className="space-y-2 text-xs">
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <Meter label="characters" value={m.length} limit={m.textLimit} />
        <Meter
          label={m.hashtags === 1 && m.maxHashtags === null ? "hashtag" : "hashtags"}
          value={m.hashtags}
          limit={m.maxHashtags}
        />
        <span className="text-slate-600">
          {props.imageCount} of {CHANNEL_CATALOG[props.kind].media.maxImages} image
          {CHANNEL_CATALOG[props.kind].media.maxImages === 1 ? "" : "s"}
        </span>
      </p>
      {problems.length ? (
        <ul className="space-y-1 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800">
          {problems.map((p) => (
            <li key={p.code}>{p.message}</li>
          ))}
        </ul>
      ) : (
        <p className="text-emerald-800">Within {CHANNEL_CATALOG[props.kind].label}'s limits.</p>
      )}
    </div>
  );
}

/**
 * A social post as its network will show it: the account's picture and name, the text with its
 * links and hashtags, the images, the network's buttons; under it the counters, the limits it
 * breaks and what the network does with links. The Dashboard's activity page and the DM's review
 * page show the same card.
 */
export function SocialPostPreview(props: {
  kind: SocialChannelKind;
  account: PreviewAccount | null;
  text: string;
  images: PreviewImage[];
}) {
  const { kind, account, text, images } = props;
  const facts = CHANNEL_CATALOG[kind];
  const look = LOOK[kind];
  const name = account?.name ?? `Your ${facts.label} ${facts.accountNoun}`;
  const handle = account?.handle
    ? kind === "x" || kind === "instagram"
      ? `@${account.handle.replace(/^@/, "")}`
      : account.handle
    : null;
  const firstLink = /https?:\/\/[^\s<>"']+/.exec(text)?.[0];
  const host = firstLink ? hostOf(firstLink) : null;
  const header = (
    <div className="flex items-start gap-3 px-4 pt-4">
      <AccountAvatar account={account} size={kind === "instagram" ? "sm" : "md"} />
      <div className="min-w-0 leading-tight">
        <p className="truncate text-sm font-semibold text-slate-900">
          {kind === "instagram" && handle ? handle : name}
          {kind === "x" && handle ? <span className="ml-1 font-normal text-slate-500">{handle} · now</span> : null}
        </p>
        {kind !== "x" ? (
          <p className="truncate text-xs text-slate-500">
            {kind === "instagram"
              ? name
              : kind === "google_business"
                ? "Update · now"
                : [handle, "Now"].filter(Boolean).join(" · ")}
          </p>
        ) : null}
      </div>
    </div>
  );
  return (
    <figure data-testid="social-preview" aria-label={`Preview on ${facts.label}`} className="space-y-3">
      <div className="mx-auto max-w-[34rem] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className={cx("h-1", look.accent)} />
        <p className="px-4 pt-2 text-[11px] font-medium uppercase tracking-wide text-slate-500">{facts.label}</p>
        {header}
        {kind === "instagram" ? (
          <div className="mt-3 space-y-3">
            {images.length ? (
              <ImageGrid images={images} />
            ) : (
              <div className="mx-4 flex aspect-square items-center justify-center rounded-md border-2 border-dashed border-rose-300 bg-rose-50 px-6 text-center text-sm text-rose-800">
                Instagram publishes no post without an image.
              </div>
            )}
            <div className="px-4">
              <span className="mr-1 text-sm font-semibold">{handle ?? name}</span>
              <PostText kind={kind} text={text} />
            </div>
          </div>
        ) : (
          <div className="mt-3 space-y-3">
            <div className={cx("px-4", kind === "x" && "pl-[4.75rem]")}>
              <PostText kind={kind} text={text} />
            </div>
            <div className={cx(kind === "x" ? "pr-4 pl-[4.75rem]" : "")}>
              <ImageGrid images={images} rounded={kind === "x"} />
            </div>
            {host && images.length === 0 && facts.links === "preview" ? (
              <div className="mx-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">
                <p className="font-medium uppercase tracking-wide text-slate-500">{host}</p>
                <p>The page's title and image appear here when it is published.</p>
              </div>
            ) : null}
            {kind === "google_business" && firstLink ? (
              <div className="px-4">
                <span className="inline-flex rounded-full border border-slate-300 px-4 py-1.5 text-sm font-medium text-[#1a73e8]">
                  Learn more
                </span>
              </div>
            ) : null}
          </div>
        )}
        {look.actions.length ? (
          <div
            aria-hidden="true"
            className={cx(
              "mt-3 flex gap-6 border-t border-slate-100 px-4 py-2.5 text-xs font-medium text-slate-500",
              kind === "x" && "pl-[4.75rem]",
            )}
          >
            {look.actions.map((a) => (
              <span key={a}>{a}</span>
            ))}
          </div>
        ) : (
          <div className="h-4" />
        )}
      </div>
      <figcaption className="space-y-2">
        <PostLimits kind={kind} text={text} imageCount={images.length} />
        <p className="text-xs text-slate-500">
          {LINK_NOTE[facts.links](facts.label, "linkLength" in facts ? facts.linkLength : undefined)}
        </p>
      </figcaption>
    </figure>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/**
 * The network a social post's preview shows: the account it goes to, else the network it was
 * written for; null for anything else (or a post whose network is not known yet).
 */
export function previewKindOf(a: {
  type: string;
  channel: string | null;
  publishTo: { channel: { kind: string } | null };
}): SocialChannelKind | null {
  if (a.type !== "social_post") return null;
  const kind = a.publishTo.channel?.kind ?? a.channel;
  return kind && isSocialChannelKind(kind) ? kind : null;
}
