export { createEmailProvider, type EmailProviderConfig, emailProviderEnvSchema } from "./create-email-provider";
export {
  type EmailMessage,
  type EmailProvider,
  EmailSendError,
  emailMessageSchema,
  IDEMPOTENCY_HEADER,
  validateEmailMessage,
} from "./email-provider";
export {
  createSendGridEmailProvider,
  type SendGridEmailProviderOptions,
  sendGridEmailProviderOptionsSchema,
} from "./sendgrid-provider";
export { createSesEmailProvider, type SesEmailProviderOptions, sesEmailProviderOptionsSchema } from "./ses-provider";
export {
  createSmtpEmailProvider,
  type SmtpEmailProviderOptions,
  smtpEmailProviderOptionsSchema,
} from "./smtp-provider";
