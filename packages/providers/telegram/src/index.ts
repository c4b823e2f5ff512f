export {
  createTelegramProvider,
  TelegramSendError,
  telegramMessageSchema,
  telegramProviderOptionsSchema,
  type TelegramMessage,
  type TelegramProvider,
  type TelegramProviderOptions,
} from "./telegram-provider";
