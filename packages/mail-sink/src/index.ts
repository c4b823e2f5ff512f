export { escapeHtml } from "./html-pages";
export { type MailSink, type MailSinkOptions, mailSinkOptionsSchema, startMailSink } from "./mail-sink";
export type { StoredMessage } from "./message-store";
