import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A child spawned with `detached: true`, so it leads its own process group (pgid = pid). */
export interface GroupHandle {
  readonly pid: number;
  /** SIGTERM to the whole group, SIGKILL after the grace; resolves once the leader has exited and the group is empty. */
  kill(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: nobody left in the group
  }
}

/**
 * Whether any process of the group is still running. Zombies don't count: an orphaned grandchild
 * stays a zombie until init reaps it, which some inits do only every second or two.
 */
function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  if (process.platform !== "linux") return true;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue; // exited while we looked
      }
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parens, so split after the last ")".
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
    }
    return false;
  } catch {
    return true;
  }
}

export function trackGroup(child: ChildProcess, graceMs: number): GroupHandle {
  const pid = child.pid!;
  let exited = child.exitCode !== null || child.signalCode !== null;
  const leaderExit = exited
    ? Promise.resolve()
    : new Promise<void>((r) =>
        child.once("exit", () => {
          exited = true;
          r();
        }),
      );
  let killing: Promise<void> | undefined;

  const waitUntilGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (exited && !groupAlive(pid)) return true;
      await sleep(50);
    }
    return exited && !groupAlive(pid);
  };

  return {
    pid,
    kill: () =>
      (killing ??= (async () => {
        signalGroup(pid, "SIGTERM");
        // Grandchildren that ignore SIGTERM (or a leader that does) get SIGKILL after the grace.
        if (await waitUntilGone(graceMs)) return;
        signalGroup(pid, "SIGKILL");
        await leaderExit;
        await waitUntilGone(1_000);
      })()),
  };
}
