/**
 * What a request costs over HTTP, in one run on one server: `GET /api/health` (no session: Next, the
 * database probe), `GET /api/me` (the same plus the session, the actor lookup and the route wrapper,
 * then a few fields from memory) and the provider profile of the heaviest and of a typical customer.
 * It starts `next start` (so `npm run build` first) on DATABASE_URL, a world seeded with --scale,
 * signs in as one scale provider per connection, each from its own address, and loads each route
 * with autocannon in turn, BENCH_ROUNDS times, so drift (caches warming, autovacuum, the other
 * work of a shared machine) falls on all alike.
 *
 * Besides requests per second and latency it reports CPU time per request, from /proc: the
 * server's (it is bound by its one Node thread, so that is the figure to cut, and it varies less
 * than requests per second on a shared machine) and the local Postgres server's.
 *
 *   BENCH_CONNECTIONS (10), BENCH_SECONDS (10), BENCH_ROUNDS (2), BENCH_PORT (3100)
 *   BENCH_ROUTES=me,profile      only these targets (health, me, profile)
 *   BENCH_CPU_PROFILE=dir        run the server under `node --cpu-prof`, writing its profile into dir
 *                                (read it with `npx tsx scripts/bench/cpu-profile.ts dir/<file>`)
 *
 * The server runs with RATE_LIMIT_FACTOR raised: each provider sends thousands of profile requests
 * here, and every one of them is still charged to the limiter (the same upserts a real request
 * pays), only against a higher ceiling.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import autocannon from "autocannon";
import type { Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/lib/seed/demo/accounts";
import { customersToMeasure, providerOwners, withPublicProfile } from "./customers";
import { round } from "./measure";
import { cpuMillis, cpuMillisSince, cpuSnapshot } from "./server-cpu";

const PORT = Number(process.env.BENCH_PORT ?? 3100);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ONLY = process.env.BENCH_ROUTES?.split(",").map((s) => s.trim());
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

export type HttpFigure = {
  route: string;
  requests: number;
  per_second: number;
  /** Server CPU (all threads, user + system) per request, in ms. */
  server_cpu_ms: number | null;
  /** Postgres CPU (every backend of the local server) per request, in ms. */
  db_cpu_ms: number | null;
  p50_ms: number;
  p99_ms: number;
  /** Requests per second against the route it is compared with. */
  compared: string;
};

type Target = { key: "health" | "me" | "profile"; route: string; path: string; baseline?: string };

export async function httpSuite(db: Database, databaseUrl: string): Promise<HttpFigure[]> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Build the app first: npm run build.");
  const server = startServer(databaseUrl);
  try {
    await serverReady(server);
    // One provider owner per connection: many providers browsing at once, not one hammering its own counters.
    const owners = await providerOwners(db, CONNECTIONS);
    const identities = await Promise.all(owners.map(({ email }, i) => signIn(email, `10.77.0.${i + 1}`)));
    const customers = await customersToMeasure(db);
    return await withPublicProfile(db, customers, async () => {
      const targets = (
        [
          { key: "health", route: "GET /api/health (no session)", path: "/api/health" },
          { key: "me", route: "GET /api/me", path: "/api/me", baseline: "GET /api/health (no session)" },
          ...customers.map((c) => ({
            key: "profile" as const,
            route: `GET profile, ${c.label} (${c.reviews} reviews)`,
            path: `/api/provider/customers/${c.id}/profile`,
            baseline: "GET /api/me",
          })),
        ] satisfies Target[]
      ).filter((t) => !ONLY || ONLY.includes(t.key));
      for (const t of targets) await load(t.path, identities, 3); // warm up, unrecorded
      const runs = new Map<string, Run[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of targets) {
          const [serverBefore, dbBefore] = [cpuMillis(server.pid!), cpuSnapshot("postgres")];
          const result = await load(t.path, identities, SECONDS);
          const serverAfter = cpuMillis(server.pid!);
          const cpu = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
          const dbCpu = cpuMillisSince(dbBefore, "postgres");
          runs.set(t.route, [...(runs.get(t.route) ?? []), { result, cpu, dbCpu }]);
        }
      }
      const figures = new Map(targets.map((t) => [t.route, summarise(t.route, runs.get(t.route)!)]));
      return targets.map((t) => {
        const figure = figures.get(t.route)!;
        const baseline = t.baseline ? figures.get(t.baseline) : undefined;
        const compared = baseline
          ? `${Math.round((figure.per_second / baseline.per_second) * 100)}% of ${baseline.route.split(" (")[0]}`
          : "";
        return { ...figure, compared };
      });
    });
  } finally {
    // Wait for the exit: under --cpu-prof the profile is written then.
    const exited = server.exitCode === null ? new Promise((resolve) => server.once("exit", resolve)) : null;
    server.kill("SIGTERM");
    await exited;
  }
}

function startServer(databaseUrl: string): ChildProcess {
  const next = ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"];
  if (CPU_PROFILE) mkdirSync(CPU_PROFILE, { recursive: true });
  const args = CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE}`, ...next] : next;
  return spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      RATE_LIMIT_FACTOR: "10000",
      // As if behind one proxy: each provider signs in from an X-Forwarded-For address of its own.
      TRUST_PROXY: "1",
      LOG_LEVEL: "warn",
      AMQP_URL: "", // the relay loop is not what is measured
    },
  });
}

async function serverReady(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer ${BASE}/api/health within a minute.`);
}

type Identity = Record<string, string>;

/** Auth.js's credentials flow, as any API client does it (csrf token, then the form post): the headers to send as them. */
async function signIn(email: string, ip: string): Promise<Identity> {
  const from = { "x-forwarded-for": ip };
  const csrf = await fetch(`${BASE}/api/auth/csrf`, { headers: from });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...from, cookie: jar, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/home" }),
  });
  const session = cookiesOf(response);
  if (!session.includes("session-token")) throw new Error(`Sign-in as ${email} failed (${response.status}).`);
  return { ...from, cookie: `${jar}; ${session}` };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function load(path: string, identities: Identity[], seconds: number): Promise<autocannon.Result> {
  let next = 0;
  const result = await autocannon({
    url: BASE + path,
    connections: CONNECTIONS,
    duration: seconds,
    setupClient: (client) => client.setHeaders(identities[next++ % identities.length]!),
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(`${path}: ${failed} of ${result.requests.total} requests failed (non-2xx, errors or timeouts).`);
  return result;
}

type Run = { result: autocannon.Result; cpu: number | null; dbCpu: number | null };

function summarise(route: string, runs: Run[]): Omit<HttpFigure, "compared"> {
  const mean = (pick: (r: autocannon.Result) => number) =>
    round(runs.reduce((s, r) => s + pick(r.result), 0) / runs.length);
  const requests = runs.reduce((s, r) => s + r.result.requests.total, 0);
  const perRequest = (pick: (r: Run) => number | null) =>
    runs.every((r) => pick(r) !== null) ? round(runs.reduce((s, r) => s + pick(r)!, 0) / requests) : null;
  return {
    route,
    requests,
    per_second: Math.round(mean((r) => r.requests.average)),
    server_cpu_ms: perRequest((r) => r.cpu),
    db_cpu_ms: perRequest((r) => r.dbCpu),
    p50_ms: mean((r) => r.latency.p50),
    p99_ms: mean((r) => r.latency.p99),
  };
}
