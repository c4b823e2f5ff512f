import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { z } from "zod";
import { createMessageStore, type StoredMessage } from "./message-store";
import { createWebServer } from "./web-server";

export const mailSinkOptionsSchema = z.object({
  /** 0 picks a free port (tests). */
  smtpPort: z.number().int().min(0).max(65_535),
  httpPort: z.number().int().min(0).max(65_535),
  /** Loopback by default: the sink has no authentication and shows every mail it gets. */
  host: z.string().min(1).default("127.0.0.1"),
  maxMessages: z.number().int().positive().default(500),
  /** Bigger messages are refused with 552. */
  maxMessageBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
});
export type MailSinkOptions = z.input<typeof mailSinkOptionsSchema>;

export interface MailSink {
  /** e.g. smtp://127.0.0.1:1025: what EMAIL_PROVIDER=smtp's SMTP_URL points at. */
  smtpUrl: string;
  /** e.g. http://127.0.0.1:8025: the inbox page. */
  webUrl: string;
  smtpPort: number;
  httpPort: number;
  /** Newest first. */
  messages(): StoredMessage[];
  clear(): void;
  /** Resolves with the first message (already caught or still to come) that matches. */
  waitForMessage(match: (m: StoredMessage) => boolean, opts?: { timeoutMs?: number }): Promise<StoredMessage>;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The email catcher `./dev start` runs by default: a real SMTP server (no TLS, any or no
 * credentials) that keeps parsed mail in memory, and a web page to read it.
 */
export async function startMailSink(options: MailSinkOptions): Promise<MailSink> {
  const opts = mailSinkOptionsSchema.parse(options);
  const store = createMessageStore(opts.maxMessages);

  const smtp = new SMTPServer({
    // Plain SMTP only: local apps must not need certificates to send.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    // An app configured with smtp://user:pass@… still delivers: any credentials are accepted.
    allowInsecureAuth: true,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? "anonymous" }),
    size: opts.maxMessageBytes,
    logger: false,
    banner: "Leadmetrics mail sink",
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((parsed) => {
          if (stream.sizeExceeded)
            return cb(smtpError(552, `5.3.4 Message exceeds the ${opts.maxMessageBytes} byte limit`));
          store.add(
            parsed,
            {
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
            },
            stream.byteLength,
          );
          cb();
        })
        .catch((err: Error) => cb(smtpError(451, `4.3.0 Could not parse the message: ${err.message}`)));
    },
  });
  const web = createWebServer(store);

  try {
    await listen(smtp.server, opts.smtpPort, opts.host);
    await listen(web, opts.httpPort, opts.host);
  } catch (err) {
    await Promise.allSettled([closeSmtp(smtp), closeHttp(web)]);
    throw err;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (web.address() as AddressInfo).port;
  const urlHost = opts.host.includes(":") ? `[${opts.host}]` : opts.host;

  return {
    smtpUrl: `smtp://${urlHost}:${smtpPort}`,
    webUrl: `http://${urlHost}:${httpPort}`,
    smtpPort,
    httpPort,
    messages: () => store.list(),
    clear: () => store.clear(),
    waitForMessage(match, { timeoutMs = 10_000 } = {}) {
      const existing = store.list().find(match);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`No matching email arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = store.subscribe((m) => {
          if (!match(m)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(m);
        });
      });
    },
    async close() {
      await Promise.all([closeSmtp(smtp), closeHttp(web)]);
    },
  };
}

function listen(server: Server | SMTPServer["server"], port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeSmtp(smtp: SMTPServer): Promise<void> {
  return new Promise((resolve) => smtp.close(() => resolve()));
}

function closeHttp(web: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!web.listening) return resolve();
    web.closeAllConnections();
    web.close(() => resolve());
  });
}
