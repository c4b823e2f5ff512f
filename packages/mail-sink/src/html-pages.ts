import type { StoredMessage } from "./message-store";

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Served with every page: no scripts at all, inline styles only, images from anywhere (emails
 * embed remote logos). The email itself renders inside a sandboxed srcdoc iframe.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-src 'self'; form-action 'self'; base-uri 'none'";

const STYLE = `
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
  header { display: flex; align-items: center; gap: 1rem; padding: .75rem 1.25rem; background: #24292f; color: #fff; }
  header h1 { font-size: 1rem; margin: 0; flex: 1; }
  header a { color: #fff; }
  main { padding: 1rem 1.25rem; }
  table { width: 100%; border-collapse: collapse; background: #fff; }
  th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
  th { font-weight: 600; background: #eaeef2; }
  td.time { white-space: nowrap; color: #57606a; }
  .empty { color: #57606a; padding: 2rem 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; background: #fff; padding: .75rem 1rem; margin: 0 0 1rem; }
  dt { font-weight: 600; } dd { margin: 0; word-break: break-word; }
  iframe { width: 100%; height: 60vh; border: 1px solid #d0d7de; background: #fff; }
  pre { white-space: pre-wrap; word-break: break-word; background: #fff; border: 1px solid #d0d7de; padding: .75rem; }
  button { cursor: pointer; }
`;

function layout(title: string, body: string, opts: { refreshSeconds?: number } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.refreshSeconds ? `<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : ""}
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>`;
}

function formatTime(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

/** The inbox: newest first, refreshed every 5 seconds without any script. */
export function renderInbox(messages: StoredMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr>
  <td class="time">${escapeHtml(formatTime(m.receivedAt))}</td>
  <td>${escapeHtml(m.to.join(", ") || m.envelope.rcptTo.join(", "))}</td>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || "(no subject)")}</a></td>
</tr>`,
    )
    .join("\n");
  const body = `<header><h1>Mail sink — ${messages.length} message${messages.length === 1 ? "" : "s"}</h1>
<form method="post" action="/clear"><button type="submit">Clear all</button></form></header>
<main>
${messages.length ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : `<p class="empty">No email yet. Everything sent to this SMTP server shows up here.</p>`}
</main>`;
  return layout("Mail sink", body, { refreshSeconds: 5 });
}

/** One message: its headers, the HTML part in a sandboxed iframe, and the text part. */
export function renderMessage(m: StoredMessage): string {
  // Links in the email open in a new tab; the sandbox still forbids scripts, forms and same-origin.
  const srcdoc = m.html === null ? null : `<base target="_blank">${m.html}`;
  const body = `<header><h1>${escapeHtml(m.subject || "(no subject)")}</h1><a href="/">← Inbox</a></header>
<main>
<dl>
  <dt>Received</dt><dd>${escapeHtml(formatTime(m.receivedAt))}</dd>
  <dt>From</dt><dd>${escapeHtml(m.from)}</dd>
  <dt>To</dt><dd>${escapeHtml(m.to.join(", "))}</dd>
  ${m.cc.length ? `<dt>Cc</dt><dd>${escapeHtml(m.cc.join(", "))}</dd>` : ""}
  <dt>Envelope</dt><dd>${escapeHtml(`${m.envelope.mailFrom ?? "<>"} → ${m.envelope.rcptTo.join(", ")}`)}</dd>
  <dt>Subject</dt><dd>${escapeHtml(m.subject)}</dd>
</dl>
<h2>HTML</h2>
${srcdoc === null ? `<p class="empty">No HTML part.</p>` : `<iframe title="HTML body" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${escapeHtml(srcdoc)}"></iframe>`}
<h2>Text</h2>
${m.text === null ? `<p class="empty">No text part.</p>` : `<pre>${escapeHtml(m.text)}</pre>`}
<p><a href="/api/messages/${encodeURIComponent(m.id)}">JSON</a></p>
</main>`;
  return layout(m.subject || "Message", body);
}

export function renderNotFound(): string {
  return layout(
    "Not found",
    `<header><h1>Not found</h1><a href="/">← Inbox</a></header><main><p>This message is gone (cleared, or pushed out by newer mail).</p></main>`,
  );
}
