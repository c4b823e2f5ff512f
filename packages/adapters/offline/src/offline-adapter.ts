import { abortError, type LlmAdapter, type LlmRequest, type LlmResult } from "@leadmetrics/adapter-core";
import { offlineAnswer } from "./offline-text";

export interface OfflineAdapterOptions {
  /** Minimum total time before the answer resolves (lets crash tests catch a call in flight). */
  delayMs?: number;
  /** Pause between streamed chunks. */
  chunkDelayMs?: number;
}

const CHUNKS = 4;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** About CHUNKS pieces, cut at spaces so words stay whole. */
function split(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / CHUNKS));
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const space = text.indexOf(" ", end);
    if (end < text.length && space !== -1 && space - end < 40) end = space + 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

const roughTokens = (chars: number) => Math.ceil(chars / 4);

/** A deterministic, network-free LlmAdapter: same request, same text; marked offline and free. */
export function createOfflineAdapter(opts: OfflineAdapterOptions = {}): LlmAdapter {
  const delayMs = opts.delayMs ?? 0;
  const chunkDelayMs = opts.chunkDelayMs ?? 0;
  return {
    name: "offline",
    async complete(req: LlmRequest): Promise<LlmResult> {
      const started = performance.now();
      if (req.signal?.aborted) throw abortError(req.signal);
      const text = offlineAnswer(req);
      const pieces = split(text);
      for (const [i, piece] of pieces.entries()) {
        req.onChunk?.(piece);
        if (i < pieces.length - 1) await sleep(chunkDelayMs, req.signal);
      }
      await sleep(delayMs - (performance.now() - started), req.signal);
      if (req.signal?.aborted) throw abortError(req.signal);
      return {
        text,
        usage: {
          inputTokens: roughTokens(req.system.length + req.prompt.length),
          outputTokens: roughTokens(text.length),
        },
        cost: 0,
        durationMs: Math.round(performance.now() - started),
        adapter: "offline",
        model: req.model,
        offline: true,
      };
    },
  };
}
