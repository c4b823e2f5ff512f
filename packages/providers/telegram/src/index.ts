export {
  createTelegramProvider,
  type TelegramMessage,
  type TelegramProvider,
  type TelegramProviderOptions,
  TelegramSendError,
  telegramMessageSchema,
  telegramProviderOptionsSchema,
} from "./telegram-provider";
