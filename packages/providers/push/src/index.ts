export {
  createFcmPushProvider,
  type FcmPushProviderOptions,
  fcmPushProviderOptionsSchema,
  type PushMessage,
  type PushProvider,
  PushSendError,
  PushTokenInvalidError,
  pushMessageSchema,
} from "./fcm-provider";
export { createServiceAccountTokenSource, FCM_SCOPE, type ServiceAccountTokenSource } from "./service-account-token";
