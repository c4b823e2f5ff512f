export { ProviderError, isProviderError, isRetryableStatus, parseRetryAfter } from "./provider-error";
export { callHttp, DEFAULT_TIMEOUT_MS, type HttpCallOptions, type HttpResult } from "./http";
export { createOutboundFetch, isPublicAddress, guardedLookup, NotPublicAddressError, type OutboundFetchOptions } from "./outbound";
