/** USD per million tokens. Unknown models cost 0 and are logged by the caller. */
export const COST_PER_MILLION_TOKENS: Record<string, { input: number; output: number }> = {
  "claude-opus-4-6": { input: 15, output: 75 },
  "claude-sonnet-4-6": { input: 3, output: 15 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gemini-2.5-pro": { input: 1.25, output: 10 },
  "gemini-2.5-flash": { input: 0.3, output: 2.5 },
  offline: { input: 0, output: 0 },
};

export function costOf(model: string, usage: { inputTokens: number; outputTokens: number }): number {
  const price = COST_PER_MILLION_TOKENS[model];
  if (!price) return 0;
  return Math.round(((usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000) * 1e6) / 1e6;
}
