import { createSendGridEmailProvider, createSesEmailProvider, createSmtpEmailProvider } from "../src";
import { runEmailContract } from "./email-contract";
import { startSendGridReceiver, startSesReceiver, startSmtpReceiver, unusedLocalUrl } from "./receivers";

runEmailContract("smtp (nodemailer → smtp-server)", async () => {
  const smtp = await startSmtpReceiver();
  return {
    provider: createSmtpEmailProvider({ url: smtp.url }),
    received: async () => smtp.received,
    failNext: smtp.failNext,
    unreachableProvider: async () =>
      createSmtpEmailProvider({ url: (await unusedLocalUrl()).replace("http:", "smtp:"), timeoutMs: 2_000 }),
    close: smtp.close,
  };
});

runEmailContract("sendgrid (@sendgrid/mail → fake /v3/mail/send)", async () => {
  const api = await startSendGridReceiver("SG.contract-key");
  return {
    provider: createSendGridEmailProvider({ apiKey: "SG.contract-key", baseUrl: api.url }),
    received: async () => api.received,
    failNext: api.failNext,
    unreachableProvider: async () =>
      createSendGridEmailProvider({ apiKey: "SG.contract-key", baseUrl: await unusedLocalUrl(), timeoutMs: 2_000 }),
    close: api.close,
  };
});

runEmailContract("ses (@aws-sdk/client-sesv2 → fake /v2/email/outbound-emails)", async () => {
  const creds = { region: "eu-west-1", accessKeyId: "AKIACONTRACTTEST", secretAccessKey: "contract-secret" };
  const api = await startSesReceiver(creds.accessKeyId, creds.region);
  return {
    provider: createSesEmailProvider({ ...creds, endpoint: api.url }),
    received: async () => api.received,
    failNext: api.failNext,
    unreachableProvider: async () =>
      createSesEmailProvider({ ...creds, endpoint: await unusedLocalUrl(), timeoutMs: 2_000 }),
    close: api.close,
  };
});
