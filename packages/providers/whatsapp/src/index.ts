export {
  createWhatsAppProvider,
  WhatsAppSendError,
  whatsAppMessageSchema,
  whatsAppProviderOptionsSchema,
  type WhatsAppMessage,
  type WhatsAppProvider,
  type WhatsAppProviderOptions,
} from "./whatsapp-provider";
