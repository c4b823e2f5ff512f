import type { z } from "zod";
import { FatalLlmError, type LlmAdapter, type LlmRequest, type LlmResult } from "./types";

/** The first JSON object or array in a model's answer (tolerates ```json fences and prose). */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidate = fenced ? fenced[1]! : text;
  const start = candidate.search(/[[{]/);
  if (start < 0) throw new Error("no JSON found in the answer");
  const open = candidate[start];
  const close = open === "{" ? "}" : "]";
  const end = candidate.lastIndexOf(close);
  if (end <= start) throw new Error("unterminated JSON in the answer");
  return JSON.parse(candidate.slice(start, end + 1));
}

export interface StructuredResult<T> {
  value: T;
  /** Every call made (the first, and the repair when one was needed): all are billed. */
  calls: LlmResult[];
  repaired: boolean;
}

/**
 * Asks for JSON matching `schema`; when the answer does not parse or validate, asks once more
 * with the problem spelled out. A second bad answer is a FatalLlmError.
 */
export async function completeStructured<S extends z.ZodType>(
  adapter: LlmAdapter,
  request: LlmRequest,
  schema: S,
): Promise<StructuredResult<z.infer<S>>> {
  const first = await adapter.complete(request);
  const problem = check(first.text, schema);
  if (problem.ok) return { value: problem.value, calls: [first], repaired: false };
  const repair = await adapter.complete({
    ...request,
    onChunk: undefined,
    prompt:
      `${request.prompt}\n\nYour previous answer could not be used: ${problem.error}\n` +
      `Previous answer:\n${first.text.slice(0, 4_000)}\n\nAnswer again with only the corrected JSON.`,
  });
  const second = check(repair.text, schema);
  if (!second.ok) throw new FatalLlmError(`output invalid after one repair attempt: ${second.error}`);
  return { value: second.value, calls: [first, repair], repaired: true };
}

function check<S extends z.ZodType>(
  text: string,
  schema: S,
): { ok: true; value: z.infer<S> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
  };
}
