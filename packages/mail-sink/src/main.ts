import { startMailSink } from "./mail-sink";

/**
 * Runs the sink on its own: `tsx packages/mail-sink/src/main.ts`. Ports come from
 * MAIL_SINK_SMTP_PORT (1025) and MAIL_SINK_HTTP_PORT (8025), the host from MAIL_SINK_HOST.
 */
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port number`);
  return value;
};

const sink = await startMailSink({
  smtpPort: port("MAIL_SINK_SMTP_PORT", 1025),
  httpPort: port("MAIL_SINK_HTTP_PORT", 8025),
  host: process.env.MAIL_SINK_HOST ?? "127.0.0.1",
});
process.stdout.write(`[mail-sink] SMTP ${sink.smtpUrl} · inbox ${sink.webUrl}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sink.close().then(() => process.exit(0));
  });
}
