/**
 * `npm run bench`: measures the platform on real Postgres, in a scratch database it creates beside
 * BENCH_DATABASE_URL (default: the local server's `test` database) and drops afterwards, and prints
 * one row per figure (p50/p95 latency, rate). With AMQP_URL set, the relay is measured too.
 * Record the figures in BENCHMARKS.md with the machine they came from.
 */
import os from "node:os";
import { connect } from "@/db/client";
import { createDatabase } from "@/test/scratch";
import { platformSuite } from "./bench/platform";

const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function main() {
  console.log(`Benchmarks on ${os.cpus().length} cores, Node ${process.version}; scratch database beside ${new URL(baseUrl).host}`);
  const scratch = await createDatabase(baseUrl, "clientele_bench");
  const connection = await connect(scratch.url, "pg");
  try {
    const figures = await platformSuite(connection.db, { amqpUrl: process.env.AMQP_URL });
    console.table(figures);
  } finally {
    await connection.close();
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
