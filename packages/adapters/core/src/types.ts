/** What every LLM backend is asked. */
export interface LlmRequest {
  system: string;
  prompt: string;
  model: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** Called with each piece of text as the backend streams it (in order). */
  onChunk?: (text: string) => void;
  /** Aborts the call (worker shutdown, job timeout). */
  signal?: AbortSignal;
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What every LLM backend answers. */
export interface LlmResult {
  text: string;
  usage: LlmUsage;
  /** USD, from the cost table (0 for the offline adapter). */
  cost: number;
  durationMs: number;
  /** The adapter that produced it, e.g. "anthropic", "offline". */
  adapter: string;
  model: string;
  /** True only for the deterministic offline adapter: shown as such in every run and version. */
  offline: boolean;
}

export interface LlmAdapter {
  readonly name: string;
  complete(request: LlmRequest): Promise<LlmResult>;
}

/** A failure the caller may retry (rate limit, overload, 5xx, network). */
export class RetryableLlmError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableLlmError";
  }
}

/** A failure retrying will not fix (bad key, bad request, invalid output after repair). */
export class FatalLlmError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "FatalLlmError";
  }
}
