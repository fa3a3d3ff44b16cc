/**
 * `npm run bench`: measures on real Postgres and prints one row per figure (p50/p95 latency, rate).
 * Record the figures in BENCHMARKS.md with the machine they came from.
 *
 * - `npm run bench` (or `-- platform`): the platform services, in a scratch database it creates
 *   beside BENCH_DATABASE_URL (default: the local server's `test` database) and drops afterwards;
 *   with AMQP_URL set, the relay too.
 * - `npm run bench -- profile`: the provider profile, on DATABASE_URL, which must hold a world
 *   seeded with `npm run db:seed -- --scale N`.
 */
import os from "node:os";
import { configuredDatabase, connect } from "@/db/client";
import { createDatabase } from "@/test/scratch";
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

async function profile() {
  const { url, driver } = configuredDatabase();
  if (driver === "pglite") throw new Error("Set DATABASE_URL to a Postgres database seeded with npm run db:seed -- --scale N.");
  console.log(`Profile benchmarks on ${new URL(url!).host}${new URL(url!).pathname}`);
  const connection = await connect(url, driver);
  try {
    console.table(await profileSuite(connection.db));
  } finally {
    await connection.close();
  }
}

async function main() {
  console.log(`${os.cpus().length} cores, Node ${process.version}`);
  const suite = process.argv[2] ?? "platform";
  if (suite === "platform") return platform();
  if (suite === "profile") return profile();
  throw new Error(`Unknown suite "${suite}": use platform or profile.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
