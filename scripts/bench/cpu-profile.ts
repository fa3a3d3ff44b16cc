/**
 * Reads a `.cpuprofile` of the production server (`BENCH_CPU_PROFILE=dir npm run bench -- http`)
 * and says where the time went: self time by package or source file, and inclusive time of the
 * functions that cost most. Next bundles the server into chunks, so each frame is mapped back to its
 * original file through the chunk's source map (`next build` writes them beside the chunks).
 *
 *   npx tsx scripts/bench/cpu-profile.ts /tmp/prof/CPU.….cpuprofile [--top 40] [--match jwt]
 *     [--callers writev --depth 8]   who calls a function, by chains of callers
 *     [--functions]                  self time by function too
 *
 * Percentages are of the busy time (idle excluded); multiply by the benchmark's server CPU per
 * request for milliseconds per request.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!file) throw new Error("Usage: tsx scripts/bench/cpu-profile.ts <file.cpuprofile> [--top N] [--match text]");
const TOP = Number(option("top") ?? 40);
const MATCH = option("match");
const CALLERS = option("callers");
const DEPTH = Number(option("depth") ?? 3);

const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node, in microseconds.
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const path = url.startsWith("file://") ? fileURLToPath(url) : url;
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** The frame's original source file, as "package" or a project path. */
const origins = new Map<number, { where: string; name: string }>();
function originOf(node: ProfileNode): { where: string; name: string } {
  const known = origins.get(node.id);
  if (known) return known;
  const { url, lineNumber, columnNumber, functionName } = node.callFrame;
  let source = url;
  let name = functionName || "(anonymous)";
  const map = url ? sourceMapOf(url) : null;
  if (map) {
    const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number };
    if (entry.originalSource) {
      source = decodeURIComponent(entry.originalSource);
      // Bundled names are minified: the original line says which function it is.
      name = `${name} ${source.split("/").slice(-2).join("/")}:${(entry.originalLine ?? 0) + 1}`;
    }
  }
  const origin = { where: bucket(source, functionName), name };
  origins.set(node.id, origin);
  return origin;
}

function bucket(source: string, functionName: string): string {
  if (!source) return functionName.startsWith("(") ? functionName : "(native)";
  if (source.startsWith("node:")) return source.replace(/^node:internal\//, "node:").split("/")[0]!;
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = source.slice(modules + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's own code is most of "next": split it by area so the request path shows.
    return pkg === "next" ? `next/${rest.slice(1, 5).join("/")}` : pkg;
  }
  return source.match(/\[project\]\/(.*)$/)?.[1] ?? source.replace(/^(\.\.\/)+/, "");
}

const busy = [...self.entries()].reduce(
  (s, [id, us]) => (byId.get(id)!.callFrame.functionName === "(idle)" ? s : s + us),
  0,
);
const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;

function table(title: string, rows: Map<string, number>) {
  console.log(`\n${title}`);
  for (const [key, us] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${pct(us).padStart(7)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}

const bySource = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of self) {
  const { where, name } = originOf(byId.get(id)!);
  if (where === "(idle)") continue;
  bySource.set(where, (bySource.get(where) ?? 0) + us);
  byFunction.set(`${name}  [${where}]`, (byFunction.get(`${name}  [${where}]`) ?? 0) + us);
}

// Inclusive time per function (a function on the stack twice is counted once per sample).
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const { where, name } = originOf(byId.get(n)!);
    const key = `${name}  [${where}]`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (MATCH && !key.toLowerCase().includes(MATCH.toLowerCase())) continue;
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}

console.log(
  `busy ${(busy / 1000).toFixed(0)} ms of ${(profile.timeDeltas.reduce((s, d) => s + d, 0) / 1000).toFixed(0)} ms`,
);
table("Self time by source", bySource);
if (args.includes("--functions")) table("Self time by function", byFunction);
table(`Inclusive time by function${MATCH ? ` matching "${MATCH}"` : ""}`, inclusive);

// Who calls a function (by its name as printed above): time under it, by caller chain (--depth frames).
if (CALLERS) {
  const callers = new Map<string, number>();
  for (const [id, us] of self) {
    const chain: string[] = [];
    let hit = false;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const { name } = originOf(byId.get(n)!);
      if (hit) chain.push(name);
      if (chain.length === DEPTH) break;
      if (!hit && name.startsWith(CALLERS)) hit = true;
    }
    if (hit) callers.set(chain.join(" < "), (callers.get(chain.join(" < ")) ?? 0) + us);
  }
  table(`Callers of ${CALLERS}`, callers);
}
