import { Marked } from "marked";
import { Card } from "./index";

// Drafts come from models that may have read untrusted pages: raw HTML is shown as text, and only
// web, mail and in-page links (and web images) become live. Rendered on the server, no DOM needed.
const LINK = /^(https?:\/\/|mailto:|\/|#)/i;
const IMAGE = /^https?:\/\//i;
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const safe = new Marked({
  gfm: true,
  renderer: {
    html: (token) => escapeHtml(token.text),
    link(token) {
      const text = this.parser.parseInline(token.tokens);
      if (!LINK.test(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
      return `<a href="${escapeHtml(token.href)}"${title} rel="nofollow noopener noreferrer" target="_blank">${text}</a>`;
    },
    image: (token) =>
      IMAGE.test(token.href)
        ? `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}" loading="lazy">`
        : escapeHtml(token.text),
  },
});

/** Markdown as HTML that is safe to put in a page. */
export function renderMarkdown(text: string): string {
  return safe.parse(text, { async: false }) as string;
}

/**
 * A draft as it will read once published: headings, lists, links and emphasis rendered (the
 * Markdown source is for the editor only). Styled by the `.rendered-markdown` rules in each
 * portal's stylesheet.
 */
export function Markdown(props: { text: string; className?: string }) {
  return (
    <div
      data-testid="draft-body"
      className={`rendered-markdown ${props.className ?? ""}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes raw HTML and unsafe links
      dangerouslySetInnerHTML={{ __html: renderMarkdown(props.text) }}
    />
  );
}

/** The writer's account of what it changed for the feedback, above a redraft. */
export function ChangeNote({ note }: { note: string | null }) {
  return note ? (
    <aside
      className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
      data-testid="change-note"
    >
      <span className="font-medium">What changed for the review: </span>
      {note}
    </aside>
  ) : null;
}

/**
 * A version of a draft as people review it: the title, the content rendered as it will be
 * published, and beside it (never inside it) the writer's note on what it changed for the review.
 */
export function DraftView(props: {
  heading: string;
  version: { title: string; body: string; changeNote: string | null };
}) {
  return (
    <Card title={props.heading}>
      <ChangeNote note={props.version.changeNote} />
      <h3 className="mb-3 text-xl font-semibold text-slate-900" data-testid="draft-title">
        {props.version.title}
      </h3>
      <Markdown text={props.version.body} className="text-[15px] leading-relaxed text-slate-800" />
    </Card>
  );
}
