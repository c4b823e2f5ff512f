import pino, { type Logger, type LoggerOptions } from "pino";

export type { Logger };

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "registrationToken",
  "secret",
  "apiKey",
  "authorization",
  "cookie",
  "*.password",
  "*.newPassword",
  "*.token",
  "*.accessToken",
  "*.refreshToken",
  "*.registrationToken",
  "*.secret",
  "*.apiKey",
  "*.credentials",
  "*.authorization",
  "*.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "body.password",
  "body.token",
  "body.refreshToken",
];

export interface CreateLoggerOptions {
  service: string;
  level?: string;
  format?: "json" | "pretty";
  /** Where lines go; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

export function createLogger(opts: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? "info",
    base: { service: opts.service },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (opts.destination) return pino(options, opts.destination);
  if ((opts.format ?? process.env.LOG_FORMAT) === "pretty") {
    return pino({
      ...options,
      transport: {
        target: "pino-pretty",
        options: { colorize: true, ignore: "pid,hostname,service", translateTime: "HH:MM:ss.l" },
      },
    });
  }
  return pino(options);
}
