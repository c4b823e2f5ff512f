import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { costOf, FatalLlmError, RetryableLlmError } from "@leadmetrics/adapter-core";
import { describeAdapterBasics } from "@leadmetrics/adapter-core/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClaudeCliAdapter, killAllClaudeChildren, liveClaudeChildCount } from "../src";

let dir: string;

/** Writes an executable fake `claude` (a node script) and returns its path. */
async function fakeClaude(name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(
    file,
    `#!/usr/bin/env node
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const emit = (e) => process.stdout.write(JSON.stringify(e) + "\\n");
const arg = (flag) => { const i = process.argv.indexOf(flag); return i < 0 ? undefined : process.argv[i + 1]; };
const prompt = fs.readFileSync(0, "utf8");
${body}
`,
  );
  await chmod(file, 0o755);
  return file;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe("ESRCH");
    return false;
  }
};

async function expectGone(pids: number[]) {
  const deadline = Date.now() + 5_000;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const pid of pids) expect(isAlive(pid), `pid ${pid} still running`).toBe(false);
}

/** The hung fake: one line, a grandchild `sleep 1000`, both pids written to a file, then nothing. */
const hungBody = (pidFile: string) => `
emit({ type: "system", subtype: "init", model: arg("--model") });
const grandchild = spawn("sleep", ["1000"], { stdio: "ignore" });
fs.writeFileSync(${JSON.stringify(pidFile)}, JSON.stringify({ child: process.pid, grandchild: grandchild.pid }));
setInterval(() => {}, 1 << 30);
`;

async function readPids(file: string): Promise<{ child: number; grandchild: number }> {
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(await readFile(file, "utf8"));
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error("the fake never wrote its pids");
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "fake-claude-"));
});
afterEach(async () => {
  await killAllClaudeChildren();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeAdapterBasics("claude-cli", {
  adapter: "claude-cli",
  // A well-behaved CLI: its result is the text it streamed.
  create: async () =>
    createClaudeCliAdapter({
      command: await fakeClaude(
        "claude-basic",
        `
emit({ type: "system", subtype: "init", model: arg("--model") });
emit({ type: "assistant", message: { content: [{ type: "text", text: "Hello " }] } });
emit({ type: "assistant", message: { content: [{ type: "text", text: "from the CLI" }] } });
emit({ type: "result", subtype: "success", is_error: false, result: "Hello from the CLI", usage: { input_tokens: 7, output_tokens: 4 } });
`,
      ),
      timeoutMs: 10_000,
    }),
  request: { system: "Be brief.", prompt: "Say hi", model: "claude-sonnet-4-6" },
  offline: false,
});

describe("claude CLI adapter (fake claude executables)", () => {
  it("streams assistant text to onChunk and returns the result's text, usage and cost", async () => {
    const command = await fakeClaude(
      "claude-ok",
      `
emit({ type: "system", subtype: "init", model: arg("--model") });
emit({ type: "assistant", message: { content: [{ type: "text", text: "Hello " }], usage: { input_tokens: 10, output_tokens: 2 } } });
emit({ type: "assistant", message: { content: [{ type: "tool_use", id: "t", name: "x", input: {} }, { type: "text", text: "from " + arg("--model") + ": " + prompt.trim() }] } });
emit({ type: "result", subtype: "success", is_error: false, result: "Hello from " + arg("--model") + ": " + prompt.trim() + " [" + arg("--system-prompt") + "]",
  usage: { input_tokens: 30, output_tokens: 12, cache_read_input_tokens: 5 }, total_cost_usd: 0.0123 });
`,
    );
    const chunks: string[] = [];
    const result = await createClaudeCliAdapter({ command, timeoutMs: 10_000 }).complete({
      system: "Be brief.",
      prompt: "Say hi",
      model: "claude-sonnet-4-6",
      onChunk: (c) => chunks.push(c),
    });
    expect(chunks).toEqual(["Hello ", "from claude-sonnet-4-6: Say hi"]);
    expect(result.text).toBe("Hello from claude-sonnet-4-6: Say hi [Be brief.]");
    expect(result.usage).toEqual({ inputTokens: 35, outputTokens: 12 });
    expect(result.cost).toBe(0.0123);
    expect(result).toMatchObject({ adapter: "claude-cli", model: "claude-sonnet-4-6", offline: false });
    expect(liveClaudeChildCount()).toBe(0);
  });

  it("prices from the cost table when the CLI reports no cost", async () => {
    const command = await fakeClaude(
      "claude-nocost",
      `emit({ type: "result", subtype: "success", is_error: false, result: "ok", usage: { input_tokens: 1000, output_tokens: 100 } });`,
    );
    const result = await createClaudeCliAdapter({ command }).complete({
      system: "",
      prompt: "p",
      model: "claude-sonnet-4-6",
    });
    expect(result.cost).toBe(costOf("claude-sonnet-4-6", { inputTokens: 1000, outputTokens: 100 }));
    expect(result.cost).toBeGreaterThan(0);
  });

  it("turns an is_error result into a FatalLlmError carrying stderr", async () => {
    const command = await fakeClaude(
      "claude-error",
      `
process.stderr.write("credit balance too low\\n");
emit({ type: "result", subtype: "error_during_execution", is_error: true, result: "Invalid API key" });
process.exitCode = 1;
`,
    );
    const err = await createClaudeCliAdapter({ command })
      .complete({ system: "", prompt: "p", model: "m" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalLlmError);
    expect((err as Error).message).toContain("Invalid API key");
    expect((err as Error).message).toContain("credit balance too low");
  });

  it("turns a non-zero exit without a result into a FatalLlmError with the stderr tail", async () => {
    const command = await fakeClaude(
      "claude-crash",
      `process.stderr.write("boom: unknown option\\n"); process.exit(2);`,
    );
    const err = await createClaudeCliAdapter({ command })
      .complete({ system: "", prompt: "p", model: "m" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalLlmError);
    expect((err as Error).message).toMatch(/exited with 2.*boom: unknown option/);
  });

  it("a missing executable is a FatalLlmError", async () => {
    const err = await createClaudeCliAdapter({ command: path.join(dir, "no-such-claude") })
      .complete({ system: "", prompt: "p", model: "m" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalLlmError);
  });

  it("kills a hung CLI and its grandchild on timeout", async () => {
    const pidFile = path.join(dir, "hung-timeout.json");
    const command = await fakeClaude("claude-hung", hungBody(pidFile));
    const started = Date.now();
    const err = await createClaudeCliAdapter({ command, timeoutMs: 700, killGraceMs: 500 })
      .complete({ system: "", prompt: "p", model: "m" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect((err as Error).message).toContain("timed out");
    expect(Date.now() - started).toBeLessThan(5_000);
    const pids = await readPids(pidFile);
    await expectGone([pids.child, pids.grandchild]);
    expect(liveClaudeChildCount()).toBe(0);
  });

  it("kills a CLI that ignores SIGTERM with SIGKILL after the grace", async () => {
    const pidFile = path.join(dir, "stubborn.json");
    const command = await fakeClaude("claude-stubborn", `process.on("SIGTERM", () => {});\n${hungBody(pidFile)}`);
    const adapter = createClaudeCliAdapter({ command, timeoutMs: 60_000, killGraceMs: 300 });
    const pending = adapter.complete({ system: "", prompt: "p", model: "m" }).catch((e: unknown) => e);
    const pids = await readPids(pidFile);
    expect(liveClaudeChildCount()).toBe(1);
    await adapter.close();
    await expectGone([pids.child, pids.grandchild]);
    const err = await pending;
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect((err as Error).message).toContain("shutdown");
  });

  it("kills the CLI and its grandchild when the request is aborted", async () => {
    const pidFile = path.join(dir, "hung-abort.json");
    const command = await fakeClaude("claude-hung-abort", hungBody(pidFile));
    const controller = new AbortController();
    const pending = createClaudeCliAdapter({ command, timeoutMs: 60_000 })
      .complete({ system: "", prompt: "p", model: "m", signal: controller.signal })
      .catch((e: unknown) => e);
    const pids = await readPids(pidFile);
    expect(isAlive(pids.child)).toBe(true);
    controller.abort();
    const err = await pending;
    expect((err as Error).name).toBe("AbortError");
    await expectGone([pids.child, pids.grandchild]);
  });

  it("killAllClaudeChildren reaps every running child (worker shutdown)", async () => {
    const command = await fakeClaude(
      "claude-hung-many",
      hungBody(path.join(dir, "unused.json")).replace(
        /fs\.writeFileSync\(.*\);/,
        "fs.writeFileSync(process.env.PID_FILE, JSON.stringify({ child: process.pid, grandchild: grandchild.pid }));",
      ),
    );
    const pidFiles = [path.join(dir, "many-1.json"), path.join(dir, "many-2.json")];
    const pending = pidFiles.map((file) =>
      createClaudeCliAdapter({ command, timeoutMs: 60_000, env: { ...process.env, PID_FILE: file } })
        .complete({ system: "", prompt: "p", model: "m" })
        .catch((e: unknown) => e),
    );
    const pids = await Promise.all(pidFiles.map(readPids));
    expect(liveClaudeChildCount()).toBe(2);
    await killAllClaudeChildren();
    await expectGone(pids.flatMap((p) => [p.child, p.grandchild]));
    for (const err of await Promise.all(pending)) expect(err).toBeInstanceOf(RetryableLlmError);
    expect(liveClaudeChildCount()).toBe(0);
  });
});
