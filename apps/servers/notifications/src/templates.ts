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

/** Renders an event for a recipient. HTML output is escaped by Handlebars (`{{ }}`). */
export function renderNotification(event: string, data: Record<string, unknown>): RenderedNotification {
  let t = cache.get(event);
  try {
    if (!t) {
      t = {
        subject: compile(`email/${event}.subject.hbs`),
        html: compile(`email/${event}.html.hbs`),
        text: compile(`email/${event}.text.hbs`),
        short: compile(`short/${event}.hbs`),
      };
      cache.set(event, t);
    }
    const subject = t.subject(data).trim();
    return {
      subject,
      html: layout({ ...data, subject, content: new Handlebars.SafeString(t.html(data)) }),
      text: t.text(data).trim(),
      short: t.short(data).trim(),
    };
  } catch (err) {
    throw new TemplateError(event, err);
  }
}
