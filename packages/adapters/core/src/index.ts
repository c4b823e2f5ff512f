export { abortError, isAbortError } from "./abort";
export { COST_PER_MILLION_TOKENS, costOf } from "./costs";
export { type HttpFailure, isNetworkError, parseRetryAfter, toLlmError } from "./http-errors";
export { isRetryableStatus, type RetryOptions, withRetries } from "./retry";
export { type RunCompletionOptions, runCompletion } from "./run-completion";
export { completeStructured, extractJson, type StructuredResult } from "./structured";
export {
  FatalLlmError,
  type LlmAdapter,
  type LlmRequest,
  type LlmResult,
  type LlmUsage,
  RetryableLlmError,
} from "./types";
