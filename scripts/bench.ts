/**
 * `npm run bench`: measures on real Postgres and prints one row per figure (p50/p95 latency, rate).
 * Record the figures in BENCHMARKS.md with the machine they came from.
 *
 * - `npm run bench` (or `-- platform`): the platform services, in a scratch database it creates
 *   beside BENCH_DATABASE_URL (default: the local server's `test` database) and drops afterwards;
 *   with AMQP_URL set, the relay too.
 * - `npm run bench -- profile`: the provider profile's queries, on DATABASE_URL, which must hold a
 *   world seeded with `npm run db:seed -- --scale N`.
 * - `npm run bench -- crm-purchases`: CRM purchases recorded per second by concurrent clients
 *   (BENCH_CLIENTS, default 12), in a scratch database beside BENCH_DATABASE_URL; see
 *   scripts/bench/crm-purchases.ts.
 * - `npm run bench -- crm`: the CRM customer directory (search, list sorts at depth, repeat customers)
 *   with its plans, on DATABASE_URL seeded with `npm run db:seed -- --scale 100k` (its 50k-record business).
 * - `npm run bench -- http`: GET /api/health, GET /api/me and the profile endpoint over HTTP
 *   (requests per second, latency, server and Postgres CPU per request), served by `next start` on
 *   that same DATABASE_URL (after `npm run build`); see scripts/bench/http.ts for its knobs.
 */
import os from "node:os";
import { configuredDatabase } from "@/lib/db";
import { connect, type Database } from "@/db/client";
import { createDatabase } from "@/db/scratch";
import { crmPurchasesSuite } from "./bench/crm-purchases";
import { crmDirectorySuite } from "./bench/crm-directory";
import { httpSuite } from "./bench/http";
import { platformSuite } from "./bench/platform";
import { profileSuite } from "./bench/profile";

const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function platform() {
  console.log(`Platform benchmarks in a scratch database beside ${new URL(baseUrl).host}`);
  const scratch = await createDatabase(baseUrl, "clientele_bench");
  const connection = await connect(scratch.url, "pg");
  try {
    console.table(await platformSuite(connection.db, { amqpUrl: process.env.AMQP_URL }));
  } finally {
    await connection.close();
    await scratch.drop();
  }
}

/** A suite over the world seeded on DATABASE_URL. */
async function onScaleWorld(name: string, suite: (db: Database, url: string) => Promise<object[]>) {
  const { url, driver } = configuredDatabase();
  if (driver === "pglite")
    throw new Error("Set DATABASE_URL to a Postgres database seeded with npm run db:seed -- --scale N.");
  console.log(`${name} benchmarks on ${new URL(url!).host}${new URL(url!).pathname}`);
  const connection = await connect(url, driver);
  try {
    console.table(await suite(connection.db, url!));
  } finally {
    await connection.close();
  }
}

async function main() {
  console.log(`${os.cpus().length} cores, Node ${process.version}`);
  const suite = process.argv[2] ?? "platform";
  if (suite === "platform") return platform();
  if (suite === "profile") {
    // The profile charges its rate limit in its own statement: the charge is measured, a refusal is not.
    process.env.RATE_LIMIT_FACTOR ??= "10000";
    return onScaleWorld("Profile", profileSuite);
  }
  if (suite === "http") return onScaleWorld("HTTP", httpSuite);
  if (suite === "crm-purchases") {
    console.log(`CRM purchase benchmarks in a scratch database beside ${new URL(baseUrl).host}`);
    return console.table(await crmPurchasesSuite(baseUrl));
  }
  if (suite === "crm") return onScaleWorld("CRM directory", crmDirectorySuite);
  throw new Error(`Unknown suite "${suite}": use platform, profile, http, crm or crm-purchases.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
