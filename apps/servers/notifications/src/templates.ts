import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

// Named as a URL relative to this file: the build copies the folder next to the bundle and points
// the URL there (scripts/build/server.ts).
const DIR = fileURLToPath(new URL("./templates", import.meta.url));

export interface RenderedNotification {
  subject: string;
  html: string;
  text: string;
  /** One or two lines for in-app, push, WhatsApp and Telegram. */
  short: string;
}

// `strict`: a variable the data lacks is an error at render time, never a silent blank.
// Only HTML is escaped; subjects, text parts and short messages are plain text.
const compile = (file: string) =>
  Handlebars.compile(readFileSync(path.join(DIR, file), "utf8"), {
    strict: true,
    noEscape: !file.endsWith(".html.hbs"),
  });
const layout = compile("layout.html.hbs");
const cache = new Map<
  string,
  {
    subject: HandlebarsTemplateDelegate;
    html: HandlebarsTemplateDelegate;
    text: HandlebarsTemplateDelegate;
    short: HandlebarsTemplateDelegate;
  }
>();

export class TemplateError extends Error {
  constructor(event: string, cause: unknown) {
    super(`template for "${event}" failed: ${(cause as Error).message}`);
    this.name = "TemplateError";
  }
}

/**
 * Renders an event for a recipient. HTML output is escaped by Handlebars (`{{ }}`). Data with a
 * `digest` list (several emails of one event batched for one recipient) renders `{event}_digest`.
 */
export function renderNotification(event: string, data: Record<string, unknown>): RenderedNotification {
  const name = Array.isArray(data.digest) ? `${event}_digest` : event;
  let t = cache.get(name);
  try {
    if (!t) {
      t = {
        subject: compile(`email/${name}.subject.hbs`),
        html: compile(`email/${name}.html.hbs`),
        text: compile(`email/${name}.text.hbs`),
        short: compile(`short/${name}.hbs`),
      };
      cache.set(name, t);
    }
    const subject = t.subject(data).trim();
    // Every email to an account says where its notifications are managed (an address alone has no settings).
    const settingsUrl = typeof data.settingsUrl === "string" ? data.settingsUrl : null;
    const text = t.text(data).trim();
    return {
      subject,
      html: layout({ ...data, settingsUrl, subject, content: new Handlebars.SafeString(t.html(data)) }),
      text: settingsUrl ? `${text}\n\n--\nManage notifications: ${settingsUrl}` : text,
      short: t.short(data).trim(),
    };
  } catch (err) {
    throw new TemplateError(name, err);
  }
}
