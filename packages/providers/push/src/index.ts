export {
  createFcmPushProvider,
  fcmPushProviderOptionsSchema,
  pushMessageSchema,
  PushSendError,
  PushTokenInvalidError,
  type FcmPushProviderOptions,
  type PushMessage,
  type PushProvider,
} from "./fcm-provider";
export { createServiceAccountTokenSource, FCM_SCOPE, type ServiceAccountTokenSource } from "./service-account-token";
