import { createAnthropicAdapter } from "@leadmetrics/adapter-anthropic";
import { createClaudeCliAdapter } from "@leadmetrics/adapter-claude-cli";
import type { LlmAdapter } from "@leadmetrics/adapter-core";
import { createGeminiAdapter } from "@leadmetrics/adapter-gemini";
import { createOfflineAdapter } from "@leadmetrics/adapter-offline";
import { createOpenAIAdapter } from "@leadmetrics/adapter-openai";
import { ADAPTER_NAMES, type AdapterName } from "@leadmetrics/catalog";
import { PermanentJobError } from "@leadmetrics/queue";

export { ADAPTER_NAMES, type AdapterName };

export interface AdapterSettings {
  ANTHROPIC_API_KEY?: string;
  ANTHROPIC_BASE_URL?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  GEMINI_API_KEY?: string;
  GEMINI_BASE_URL?: string;
  CLAUDE_CLI_PATH?: string;
  LLM_TIMEOUT_MS: number;
  /** Offline adapter: how long an answer takes (crash tests make it slow). */
  OFFLINE_ADAPTER_DELAY_MS: number;
}

/** One adapter instance per backend and process, created on first use. */
export function createAdapterRegistry(settings: AdapterSettings) {
  const cache = new Map<AdapterName, LlmAdapter>();
  const need = (value: string | undefined, variable: string, adapter: string) => {
    if (!value)
      throw new PermanentJobError(
        `the ${adapter} adapter needs ${variable}; set it or switch the agent config to "offline"`,
      );
    return value;
  };
  const factories: Record<AdapterName, () => LlmAdapter> = {
    offline: () => createOfflineAdapter({ delayMs: settings.OFFLINE_ADAPTER_DELAY_MS }),
    anthropic: () =>
      createAnthropicAdapter({
        apiKey: need(settings.ANTHROPIC_API_KEY, "ANTHROPIC_API_KEY", "anthropic"),
        baseURL: settings.ANTHROPIC_BASE_URL,
        timeoutMs: settings.LLM_TIMEOUT_MS,
      }),
    openai: () =>
      createOpenAIAdapter({
        apiKey: need(settings.OPENAI_API_KEY, "OPENAI_API_KEY", "openai"),
        baseURL: settings.OPENAI_BASE_URL,
        timeoutMs: settings.LLM_TIMEOUT_MS,
      }),
    gemini: () =>
      createGeminiAdapter({
        apiKey: need(settings.GEMINI_API_KEY, "GEMINI_API_KEY", "gemini"),
        baseUrl: settings.GEMINI_BASE_URL,
        timeoutMs: settings.LLM_TIMEOUT_MS,
      }),
    "claude-cli": () =>
      createClaudeCliAdapter({ command: settings.CLAUDE_CLI_PATH ?? "claude", timeoutMs: settings.LLM_TIMEOUT_MS }),
  };
  return {
    get(name: string): LlmAdapter {
      if (!(ADAPTER_NAMES as readonly string[]).includes(name))
        throw new PermanentJobError(`unknown adapter "${name}"`);
      const cached = cache.get(name as AdapterName);
      if (cached) return cached;
      const adapter = factories[name as AdapterName]();
      cache.set(name as AdapterName, adapter);
      return adapter;
    },
  };
}

export type AdapterRegistry = ReturnType<typeof createAdapterRegistry>;
