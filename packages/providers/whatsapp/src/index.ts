export {
  createWhatsAppProvider,
  type WhatsAppMessage,
  type WhatsAppProvider,
  type WhatsAppProviderOptions,
  WhatsAppSendError,
  whatsAppMessageSchema,
  whatsAppProviderOptionsSchema,
} from "./whatsapp-provider";
