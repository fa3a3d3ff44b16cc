/**
 * The CPU time processes have used so far, read from /proc, so the HTTP benchmark can divide the
 * CPU spent during a load by the requests served: the server's (the cost of one request on its one
 * Node thread, which bounds its requests per second more directly than latency does) and the local
 * Postgres server's (every backend, so other clients of that server count too). Linux only;
 * elsewhere they answer null and the benchmark leaves the columns empty.
 */
import { readFileSync, readdirSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux Node supports

type Stat = { ppid: number; command: string; ticks: number };

function processes(): Map<number, Stat> {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  return stats;
}

const millis = (ticks: number) => (ticks / TICKS_PER_SECOND) * 1000;

/** The CPU ticks of every process named `command` (e.g. "postgres"), by pid, or null without /proc. */
export function cpuSnapshot(command: string): Map<number, number> | null {
  try {
    const ticks = new Map<number, number>();
    for (const [pid, stat] of processes()) if (stat.command === command) ticks.set(pid, stat.ticks);
    return ticks;
  } catch {
    return null;
  }
}

/**
 * Milliseconds of CPU the processes named `command` used since `before`: those still running, and
 * those started meanwhile. A backend that exited meanwhile takes its time with it (an undercount).
 */
export function cpuMillisSince(before: Map<number, number> | null, command: string): number | null {
  const now = cpuSnapshot(command);
  if (!before || !now) return null;
  let ticks = 0;
  for (const [pid, total] of now) ticks += total - (before.get(pid) ?? 0);
  return millis(ticks);
}

/** utime + stime of `pid` and its descendants, in milliseconds, or null without /proc. */
export function cpuMillis(pid: number): number | null {
  try {
    const stats = processes();
    let ticks = 0;
    const tree = new Set([pid]);
    // Parents precede children often but not always: repeat until the tree stops growing.
    for (let grown = true; grown;) {
      grown = false;
      for (const [id, { ppid }] of stats)
        if (!tree.has(id) && tree.has(ppid)) {
          tree.add(id);
          grown = true;
        }
    }
    for (const id of tree) ticks += stats.get(id)?.ticks ?? 0;
    return millis(ticks);
  } catch {
    return null;
  }
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: the fields after it start at the last ")".
    const end = text.lastIndexOf(")");
    const fields = text.slice(end + 2).split(" ");
    const command = text.slice(text.indexOf("(") + 1, end);
    return { ppid: Number(fields[1]), command, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended meanwhile
  }
}
