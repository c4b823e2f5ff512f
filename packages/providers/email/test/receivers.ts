import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type RecordedRequest, sendJson, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { FailureKind, ReceivedEmail } from "./email-contract";

/** Test-only receiving sides for the email contract: a real SMTP server and two fake HTTP APIs. */

export interface SmtpReceiver {
  port: number;
  url: string;
  received: ReceivedEmail[];
  /** Raw parsed headers of each message, for checks beyond the contract. */
  sessions: SMTPServerSession[];
  failNext(kind: FailureKind): void;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** A real SMTP server (smtp-server) that wants AUTH PLAIN/LOGIN and parses each mail with mailparser. */
export async function startSmtpReceiver(auth = { user: "mailer", pass: "s3cret" }): Promise<SmtpReceiver> {
  const received: ReceivedEmail[] = [];
  const sessions: SMTPServerSession[] = [];
  let failure: FailureKind | undefined;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(a, _session, cb) {
      if (a.username === auth.user && a.password === auth.pass) return cb(null, { user: a.username });
      cb(smtpError(535, "5.7.8 Authentication credentials invalid"));
    },
    onMailFrom(_address, _session, cb) {
      if (failure === "unavailable") {
        failure = undefined;
        // Not 421: smtp-server closes the connection on 421 and nodemailer's pool then quietly
        // re-queues the message on a new connection, which makes the outcome a race.
        return cb(smtpError(452, "4.3.1 Insufficient system storage, try again later"));
      }
      cb();
    },
    onRcptTo(_address, _session, cb) {
      if (failure === "rejected") {
        failure = undefined;
        return cb(smtpError(550, "5.1.1 Mailbox does not exist"));
      }
      cb();
    },
    onData(stream, session, cb) {
      const throttle = failure === "throttled";
      if (throttle) failure = undefined;
      simpleParser(stream)
        .then((mail) => {
          if (throttle) return cb(smtpError(451, "4.7.1 Rate limited, try again later"));
          sessions.push(session);
          const idempotencyKey = mail.headers.get("x-idempotency-key");
          received.push({
            to: addresses(mail.to),
            from: addresses(mail.from)[0] ?? "",
            subject: mail.subject ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            text: mail.text ?? "",
            ...(mail.replyTo ? { replyTo: addresses(mail.replyTo)[0] ?? "" } : {}),
            ...(typeof idempotencyKey === "string" ? { idempotencyKey } : {}),
          });
          cb();
        })
        .catch((err: Error) => cb(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${auth.user}:${auth.pass}@127.0.0.1:${port}`,
    received,
    sessions,
    failNext: (kind) => {
      failure = kind;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ""));
}

export interface HttpReceiver {
  url: string;
  received: ReceivedEmail[];
  requests: RecordedRequest[];
  failNext(kind: FailureKind): void;
  close(): Promise<void>;
}

type SendGridAddress = { email: string; name?: string };
interface SendGridBody {
  from: SendGridAddress;
  reply_to?: SendGridAddress;
  subject: string;
  personalizations: Array<{ to: SendGridAddress[] }>;
  content: Array<{ type: string; value: string }>;
  headers?: Record<string, string>;
  custom_args?: Record<string, string>;
}

/** SendGrid v3 `POST /v3/mail/send`: 202 with an X-Message-Id header, or its error JSON. */
export async function startSendGridReceiver(apiKey: string): Promise<HttpReceiver> {
  const received: ReceivedEmail[] = [];
  let failure: FailureKind | undefined;
  const server = await startFakeHttpServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/v3/mail/send")
      return sendJson(res, 404, { errors: [{ message: "Not found" }] });
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return sendJson(res, 401, {
        errors: [{ message: "The provided authorization grant is invalid, expired, or revoked", field: null }],
      });
    const kind = failure;
    failure = undefined;
    if (kind === "rejected")
      return sendJson(res, 400, {
        errors: [{ message: "The from address does not match a verified Sender Identity.", field: "from", help: null }],
      });
    if (kind === "throttled")
      return sendJson(
        res,
        429,
        { errors: [{ message: "too many requests", field: null }] },
        { "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 2) },
      );
    if (kind === "unavailable")
      return sendJson(res, 503, { errors: [{ message: "Service Unavailable", field: null }] });
    const body = req.body as SendGridBody;
    received.push({
      to: body.personalizations.flatMap((p) => p.to.map((t) => t.email)),
      from: body.from.email,
      subject: body.subject,
      html: body.content.find((c) => c.type === "text/html")?.value ?? "",
      text: body.content.find((c) => c.type === "text/plain")?.value ?? "",
      ...(body.reply_to ? { replyTo: body.reply_to.email } : {}),
      ...(body.custom_args?.idempotency_key ? { idempotencyKey: body.custom_args.idempotency_key } : {}),
    });
    res.writeHead(202, { "x-message-id": `sg-${randomUUID()}` });
    res.end();
  });
  return {
    url: server.url,
    received,
    requests: server.requests,
    failNext: (kind) => {
      failure = kind;
    },
    close: server.close,
  };
}

interface SesBody {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  ReplyToAddresses?: string[];
  Content: {
    Simple: {
      Subject: { Data: string };
      Body: { Html?: { Data: string }; Text?: { Data: string } };
      Headers?: Array<{ Name: string; Value: string }>;
    };
  };
}

/** SESv2 `POST /v2/email/outbound-emails` (REST-JSON): `{"MessageId"}`, or an error typed by x-amzn-ErrorType. */
export async function startSesReceiver(accessKeyId: string, region: string): Promise<HttpReceiver> {
  const received: ReceivedEmail[] = [];
  let failure: FailureKind | undefined;
  const sesError = (res: Parameters<typeof sendJson>[0], status: number, type: string, message: string) =>
    sendJson(
      res,
      status,
      { message },
      {
        "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`,
        "x-amzn-requestid": randomUUID(),
      },
    );
  const server = await startFakeHttpServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/v2/email/outbound-emails")
      return sesError(res, 404, "NotFoundException", "Not found");
    // Real SES checks the SigV4 signature; here the credential scope is enough to prove the SDK signed.
    if (
      !req.headers.authorization?.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`) ||
      !req.headers.authorization.includes(`/${region}/ses/aws4_request`)
    ) {
      return sesError(
        res,
        403,
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      );
    }
    const kind = failure;
    failure = undefined;
    if (kind === "rejected") return sesError(res, 400, "BadRequestException", "Missing final '@domain'");
    if (kind === "throttled") return sesError(res, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");
    if (kind === "unavailable") return sesError(res, 500, "InternalServiceErrorException", "Internal failure");
    const body = req.body as SesBody;
    const idempotencyKey = body.Content.Simple.Headers?.find(
      (h) => h.Name.toLowerCase() === "x-idempotency-key",
    )?.Value;
    received.push({
      to: body.Destination.ToAddresses,
      from: body.FromEmailAddress,
      subject: body.Content.Simple.Subject.Data,
      html: body.Content.Simple.Body.Html?.Data ?? "",
      text: body.Content.Simple.Body.Text?.Data ?? "",
      ...(body.ReplyToAddresses?.[0] ? { replyTo: body.ReplyToAddresses[0] } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    sendJson(res, 200, { MessageId: `0102018f-${randomUUID()}-000000` }, { "x-amzn-requestid": randomUUID() });
  });
  return {
    url: server.url,
    received,
    requests: server.requests,
    failNext: (kind) => {
      failure = kind;
    },
    close: server.close,
  };
}

export { unusedLocalUrl };
