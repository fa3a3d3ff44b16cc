/**
 * `npm run cron -- <job>`: runs one scheduled job now, under the same lock as Vercel's calls, and
 * prints what it did. Without a job name it lists the jobs. Nothing schedules jobs locally; this
 * is the runner (the server itself relays events continuously).
 *
 * The embedded database belongs to one process at a time: while `npm start` holds it, the job is
 * sent to that server's /api/cron/<job> with the cron secret instead.
 */
import { configuredDatabase } from "@/lib/db";
import { connect } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { describeError, describeTarget } from "@/lib/seed/target";
import { CRON_JOBS, cronJob } from "@/lib/cron/jobs";
import { runCronJob } from "@/lib/cron/runner";
import { env } from "@/lib/env";
import { withRequestContext, traceIdFrom } from "@/lib/observability/context";

function usage(): number {
  console.log("Usage: npm run cron -- <job>\n\nJobs (schedules are UTC):");
  for (const [name, job] of Object.entries(CRON_JOBS)) {
    console.log(`  ${name.padEnd(14)} ${job.schedule.padEnd(12)} ${job.description}`);
  }
  return 1;
}

async function runHere(name: string): Promise<unknown> {
  const { url, driver } = configuredDatabase();
  console.error(`Running ${name} on ${describeTarget(url, driver)}`);
  const connection = await connect(url, driver);
  try {
    await migrateDatabase(connection.db, driver, url);
    return await withRequestContext(traceIdFrom(null), () => runCronJob(connection.db, name, cronJob(name)!));
  } finally {
    await connection.close();
  }
}

/** The running server holds the embedded database: ask it to run the job. */
async function runOnServer(name: string): Promise<unknown> {
  const endpoint = `http://127.0.0.1:${process.env.PORT ?? "3000"}/api/cron/${name}`;
  console.error(`The server holds the embedded database; running ${name} through ${endpoint}`);
  const res = await fetch(endpoint, { headers: { authorization: `Bearer ${env().CRON_SECRET}` } });
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status}: ${body?.error?.message ?? JSON.stringify(body)}`);
  return body;
}

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || !cronJob(name)) {
    if (name) console.error(`There is no job called "${name}".\n`);
    return usage();
  }
  let result: unknown;
  try {
    result = await runHere(name);
  } catch (error) {
    if (!(env().embedded && /open in another process/.test(describeError(error)))) throw error;
    result = await runOnServer(name);
  }
  console.log(JSON.stringify(result, null, 2));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The job failed: ${describeError(error)}`);
    process.exit(1);
  },
);
