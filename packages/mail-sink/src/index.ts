export { startMailSink, mailSinkOptionsSchema, type MailSink, type MailSinkOptions } from "./mail-sink";
export type { StoredMessage } from "./message-store";
export { escapeHtml } from "./html-pages";
