/**
 * LinkedIn's "little" text format, which the Posts API's `commentary` is written in: the
 * characters it reserves for mentions and templates must be escaped, or LinkedIn cuts the post
 * at the first one. Links are left whole (so LinkedIn still links them) and a `#word` stays a
 * hashtag.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;

export function toLittleText(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(RESERVED, (c, at: number) =>
            c === "#" && (at === 0 || /\s/.test(part[at - 1] ?? "")) && /[\p{L}\p{N}]/u.test(part[at + 1] ?? "")
              ? c
              : `\\${c}`,
          ),
    )
    .join("");
}

/** Plain text from little text: hashtag templates become `#word`, escapes are dropped. */
export function fromLittleText(little: string): string {
  return little.replace(/\{hashtag\|\\#\|([^}]*)\}/g, "#$1").replace(/\\(.)/g, "$1");
}
