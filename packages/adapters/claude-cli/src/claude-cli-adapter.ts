import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import {
  abortError,
  costOf,
  FatalLlmError,
  type LlmAdapter,
  type LlmRequest,
  type LlmResult,
  RetryableLlmError,
} from "@leadmetrics/adapter-core";
import { type GroupHandle, trackGroup } from "./process-group";

export interface ClaudeCliAdapterOptions {
  /** The Claude Code executable. */
  command?: string;
  /** Whole call, from spawn to result. */
  timeoutMs?: number;
  /** Appended after the adapter's own arguments. */
  extraArgs?: string[];
  /** How long SIGTERM gets before SIGKILL. */
  killGraceMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ClaudeCliAdapter extends LlmAdapter {
  /** Kills this adapter's running children (and their process groups). */
  close(): Promise<void>;
}

/** Every live child of every adapter in this process, so shutdown can reap them all. */
const liveChildren = new Set<{ kill(): Promise<void> }>();

/** For a worker's shutdown: kill every running `claude` child and its descendants. */
export async function killAllClaudeChildren(): Promise<void> {
  await Promise.all([...liveChildren].map((c) => c.kill()));
}

export const liveClaudeChildCount = (): number => liveChildren.size;

interface StreamEvent {
  type?: string;
  subtype?: string;
  is_error?: boolean;
  result?: unknown;
  total_cost_usd?: unknown;
  usage?: Usage;
  message?: { content?: Array<{ type?: string; text?: unknown }>; usage?: Usage };
}

interface Usage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

const STDERR_TAIL = 2_000;

export function createClaudeCliAdapter(opts: ClaudeCliAdapterOptions = {}): ClaudeCliAdapter {
  const command = opts.command ?? "claude";
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  const graceMs = opts.killGraceMs ?? 2_000;
  const mine = new Set<{ kill(): Promise<void> }>();

  const complete = (req: LlmRequest): Promise<LlmResult> => {
    if (req.signal?.aborted) return Promise.reject(abortError(req.signal));
    const started = performance.now();
    const args = [
      "-p",
      "--output-format",
      "stream-json",
      "--verbose",
      "--model",
      req.model,
      ...(req.system ? ["--system-prompt", req.system] : []),
      ...(opts.extraArgs ?? []),
    ];
    // detached: the child leads its own process group, so killing the group reaches grandchildren too.
    const child = spawn(command, args, {
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
      cwd: opts.cwd,
      env: opts.env ?? process.env,
    });

    return new Promise<LlmResult>((resolve, reject) => {
      let stopReason: "timeout" | "abort" | "shutdown" | undefined;
      let spawnError: Error | undefined;
      let stderr = "";
      let assistantText = "";
      let result: StreamEvent | undefined;
      let group: GroupHandle | undefined;

      const stop = (reason: "timeout" | "abort" | "shutdown") => {
        stopReason ??= reason;
        return group?.kill() ?? Promise.resolve();
      };
      const timer = setTimeout(() => void stop("timeout"), timeoutMs);
      const onAbort = () => void stop("abort");
      req.signal?.addEventListener("abort", onAbort, { once: true });

      const live = { kill: () => stop("shutdown") };
      if (child.pid !== undefined) {
        group = trackGroup(child, graceMs);
        liveChildren.add(live);
        mine.add(live);
      }

      child.on("error", (err) => {
        spawnError = err;
      });
      child.stdin.on("error", () => {
        // EPIPE when the CLI exits without reading its prompt; the exit status tells what happened.
      });
      child.stdin.end(req.prompt);
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (d: string) => {
        stderr = (stderr + d).slice(-STDERR_TAIL);
      });

      const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
      const stdoutDone = new Promise<void>((r) => lines.once("close", r));
      lines.on("line", (line) => {
        let event: StreamEvent;
        try {
          event = JSON.parse(line) as StreamEvent;
        } catch {
          return; // not an event (the CLI may print stray lines)
        }
        if (event.type === "assistant") {
          for (const block of event.message?.content ?? []) {
            if (block.type !== "text" || typeof block.text !== "string" || block.text === "") continue;
            assistantText += block.text;
            req.onChunk?.(block.text);
          }
        } else if (event.type === "result") {
          result = event;
        }
      });

      let finishing = false;
      const finish = async (code: number | null, signal: NodeJS.Signals | null) => {
        if (finishing) return;
        finishing = true;
        // Decided at exit: a shutdown racing the cleanup below must not turn a finished answer into a failure.
        const reason = stopReason;
        clearTimeout(timer);
        req.signal?.removeEventListener("abort", onAbort);
        // A grandchild may still hold stdout open; don't wait on it for long.
        await Promise.race([stdoutDone, new Promise((r) => setTimeout(r, 500))]);
        lines.close();
        child.stdout.destroy();
        child.stderr.destroy();
        if (group) {
          // Also after a clean exit: whatever the CLI left running in its group goes with it.
          await group.kill();
          liveChildren.delete(live);
          mine.delete(live);
        }
        const tail = stderr.trim() ? `; stderr: ${stderr.trim().slice(-500)}` : "";

        if (reason === "abort") return reject(abortError(req.signal));
        if (reason === "timeout")
          return reject(new RetryableLlmError(`claude CLI timed out after ${timeoutMs} ms${tail}`));
        // Killed by close()/killAllClaudeChildren(): the work itself was fine and may run again elsewhere.
        if (reason === "shutdown") return reject(new RetryableLlmError("claude CLI was stopped by shutdown"));
        if (spawnError)
          return reject(new FatalLlmError(`claude CLI could not start (${command}): ${spawnError.message}`));
        if (result?.is_error) {
          const why = typeof result.result === "string" && result.result ? result.result : (result.subtype ?? "error");
          return reject(new FatalLlmError(`claude CLI reported an error: ${why}${tail}`));
        }
        if (code !== 0) return reject(new FatalLlmError(`claude CLI exited with ${code ?? signal}${tail}`));
        if (!result) return reject(new FatalLlmError(`claude CLI ended without a result event${tail}`));

        const u = result.usage ?? {};
        const usage = {
          inputTokens: (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0),
          outputTokens: u.output_tokens ?? 0,
        };
        resolve({
          text: typeof result.result === "string" ? result.result : assistantText,
          usage,
          cost: typeof result.total_cost_usd === "number" ? result.total_cost_usd : costOf(req.model, usage),
          durationMs: Math.round(performance.now() - started),
          adapter: "claude-cli",
          model: req.model,
          offline: false,
        });
      };
      // "exit", not "close": close waits for every holder of the pipes, grandchildren included.
      child.once("exit", (code, signal) => void finish(code, signal));
      if (child.pid === undefined) child.once("error", () => void finish(null, null));
    });
  };

  return {
    name: "claude-cli",
    complete,
    close: async () => {
      await Promise.all([...mine].map((c) => c.kill()));
    },
  };
}
