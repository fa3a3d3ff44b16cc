/**
 * The provider profile over HTTP, against the app's own trivial JSON route (GET /api/me: the same
 * session, actor lookup and route wrapper, then a few fields), in one run on one server. It starts
 * `next start` (so `npm run build` first) on DATABASE_URL, a world seeded with --scale, signs in as
 * one scale provider per connection, each from its own address, and loads each route with
 * autocannon in turn, twice, so drift (caches warming, autovacuum) falls on both alike.
 *
 * The server runs with RATE_LIMIT_FACTOR raised: each provider sends thousands of profile requests
 * here, and every one of them is still charged to the limiter (the same upserts a real request
 * pays), only against a higher ceiling.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import type { Database } from "@/db/client";
import { DEMO_PASSWORD } from "@/lib/seed/demo/accounts";
import { customersToMeasure, providerOwners, withPublicProfile } from "./customers";
import { round } from "./measure";

const PORT = Number(process.env.BENCH_PORT ?? 3100);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = 2;

export type HttpFigure = {
  route: string;
  requests: number;
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  vs_trivial: string;
};

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
      const targets = [
        { route: "GET /api/me (trivial)", path: "/api/me" },
        ...customers.map((c) => ({
          route: `GET profile, ${c.label} (${c.reviews} reviews)`,
          path: `/api/provider/customers/${c.id}/profile`,
        })),
      ];
      for (const t of targets) await load(t.path, identities, 3); // warm up, unrecorded
      const runs = new Map<string, autocannon.Result[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of targets)
          runs.set(t.route, [...(runs.get(t.route) ?? []), await load(t.path, identities, SECONDS)]);
      }
      const figures = targets.map((t) => summarise(t.route, runs.get(t.route)!));
      const trivial = figures[0]!.per_second;
      return figures.map((f) => ({ ...f, vs_trivial: `${Math.round((f.per_second / trivial) * 100)}%` }));
    });
  } finally {
    server.kill("SIGTERM");
  }
}

function startServer(databaseUrl: string): ChildProcess {
  return spawn("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      RATE_LIMIT_FACTOR: "10000",
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

function summarise(route: string, runs: autocannon.Result[]): Omit<HttpFigure, "vs_trivial"> {
  const mean = (pick: (r: autocannon.Result) => number) => round(runs.reduce((s, r) => s + pick(r), 0) / runs.length);
  return {
    route,
    requests: runs.reduce((s, r) => s + r.requests.total, 0),
    per_second: Math.round(mean((r) => r.requests.average)),
    p50_ms: mean((r) => r.latency.p50),
    p99_ms: mean((r) => r.latency.p99),
  };
}
