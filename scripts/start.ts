/**
 * `npm start`: the app on the embedded database with demo data, from a clean clone.
 * Builds when there is no build or the sources are newer than it, then runs `next start`
 * (the embedded database is created, migrated and seeded by the server on its first start).
 *   --fresh  delete the embedded database first (the e2e suite starts from a known world)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "../lib/seed/demo/accounts";
import { env } from "../lib/env";

const root = path.resolve(import.meta.dirname, "..");
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "drizzle",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

const next = path.join(root, "node_modules", ".bin", "next");

if (process.argv.includes("--fresh") && env().embedded) {
  rmSync(path.resolve(root, env().PGLITE_DIR), { recursive: true, force: true });
}

if (buildIsStale()) {
  console.log("Building the app (first start, or the sources changed)...");
  const started = Date.now();
  const build = spawnSync(next, ["build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const port = process.env.PORT ?? "3000";
if (env().embedded) {
  console.log(
    `Embedded database: ${path.resolve(root, env().PGLITE_DIR)} (created and seeded with the demo world on first start).`,
  );
}
console.log(`Clientele: http://localhost:${port}  (demo accounts: see README.md, password ${DEMO_PASSWORD})`);

const server = spawn(next, ["start", "-p", port], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
