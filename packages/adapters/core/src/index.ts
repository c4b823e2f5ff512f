export { RetryableLlmError, FatalLlmError, type LlmAdapter, type LlmRequest, type LlmResult, type LlmUsage } from "./types";
export { COST_PER_MILLION_TOKENS, costOf } from "./costs";
export { withRetries, isRetryableStatus, type RetryOptions } from "./retry";
export { completeStructured, extractJson, type StructuredResult } from "./structured";
export { abortError, isAbortError } from "./abort";
export { isNetworkError, parseRetryAfter, toLlmError, type HttpFailure } from "./http-errors";
export { runCompletion, type RunCompletionOptions } from "./run-completion";
