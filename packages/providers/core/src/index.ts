export { callHttp, DEFAULT_TIMEOUT_MS, type HttpCallOptions, type HttpResult } from "./http";
export { bearer, callSocial, requestTokens, type SocialNetwork, socialFailure, type TokenRequest } from "./oauth";
export {
  createOutboundFetch,
  guardedLookup,
  isPublicAddress,
  NotPublicAddressError,
  type OutboundFetchOptions,
} from "./outbound";
export { isProviderError, isRetryableStatus, ProviderError, parseRetryAfter } from "./provider-error";
export {
  isSocialProviderError,
  type OAuthTokenSet,
  type PublishedPost,
  pkcePair,
  type SocialAccount,
  type SocialFailureKind,
  type SocialImage,
  type SocialPostInput,
  type SocialProvider,
  type SocialProviderConfig,
  SocialProviderError,
} from "./social";
