export { EmailSendError, emailMessageSchema, IDEMPOTENCY_HEADER, validateEmailMessage, type EmailMessage, type EmailProvider } from "./email-provider";
export { createSmtpEmailProvider, smtpEmailProviderOptionsSchema, type SmtpEmailProviderOptions } from "./smtp-provider";
export { createSendGridEmailProvider, sendGridEmailProviderOptionsSchema, type SendGridEmailProviderOptions } from "./sendgrid-provider";
export { createSesEmailProvider, sesEmailProviderOptionsSchema, type SesEmailProviderOptions } from "./ses-provider";
export { createEmailProvider, emailProviderEnvSchema, type EmailProviderConfig } from "./create-email-provider";
