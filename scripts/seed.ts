/**
 * `npm run db:seed`                       the demo world, into an empty database
 * `npm run db:seed -- --scale 100000`     a world of N customers (also 100k, 1m), for load tests
 * `npm run db:seed -- --reset [...]`      truncate every table first
 * `npm run db:seed -- --scale N --seed 7` another, equally reproducible, scale world
 * Migrates first, so a fresh database needs no separate step. Refuses a database that has users.
 */
import { Presets, SingleBar } from "cli-progress";
import { sql } from "drizzle-orm";
import { configuredDatabase } from "@/lib/db";
import { connect, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/lib/seed/demo";
import { seedEmptyDatabase } from "@/lib/seed/lock";
import { seedScale, type ScaleProgress } from "@/lib/seed/scale";
import { describeError, describeTarget } from "@/lib/seed/target";
import { hashPassword } from "@/lib/auth/password";

type Args = { scale?: number; seed?: number; reset: boolean };

const USAGE = "Usage: npm run db:seed -- [--scale N] [--seed S] [--reset]";

function parseArgs(argv: string[]): Args {
  const args: Args = { reset: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--reset") args.reset = true;
    else if (flag === "--scale") args.scale = count(value(), flag);
    else if (flag === "--seed") args.seed = count(value(), flag);
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown option ${flag}`);
  }
  return args;
}

/** "100000", "100_000", "100k" and "1m" all work. */
function count(text: string, flag: string): number {
  const match = /^(\d[\d_]*)([km]?)$/i.exec(text.trim());
  const n = match
    ? Number(match[1]!.replace(/_/g, "")) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as "k" | "m"] ?? 1)
    : NaN;
  if (!Number.isSafeInteger(n) || n < 1) fail(`${flag} needs a positive whole number, not "${text}"`);
  return n;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const fmt = (n: number) => n.toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function refuseIfSeeded(db: Database) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
  const users = rows[0]!.n;
  if (users > 0) {
    throw new Error(
      `The database already has ${fmt(users)} users. Seeding needs an empty database: add --reset to truncate every table first.`,
    );
  }
}

/** Every table of the app's schema (not drizzle's migration journal), in one statement. */
async function truncateAll(db: Database): Promise<number> {
  const { rows } = await db.execute<{ name: string }>(
    sql`select format('%I', tablename) as name from pg_tables where schemaname = current_schema() order by 1`,
  );
  if (rows.length)
    await db.execute(sql.raw(`truncate table ${rows.map((r) => r.name).join(", ")} restart identity cascade`));
  return rows.length;
}

/** One bar per phase with an ETA; without a terminal, one line per finished phase instead. */
function progressBars(): ScaleProgress {
  let bar: SingleBar | undefined;
  let name = "";
  let began = 0;
  return {
    start(phase, total, unit) {
      name = phase;
      began = performance.now();
      bar = new SingleBar(
        {
          format: `${phase.padEnd(20)} {bar} {percentage}% | {value}/{total} ${unit} | {duration_formatted} | ETA {eta_formatted}`,
          etaBuffer: 4,
          hideCursor: true,
          formatValue: (v, _options, type) => (type === "value" || type === "total" ? fmt(v) : String(v)),
        },
        Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    increment: (by) => bar?.increment(by),
    stop() {
      bar?.stop();
      if (!process.stderr.isTTY) console.log(`${name.padEnd(20)} done in ${secs(performance.now() - began)}`);
    },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { url, driver } = configuredDatabase();
  console.log(`Seeding ${describeTarget(url, driver)}`);
  const connection = await connect(url, driver);
  try {
    const db = connection.db;
    await migrateDatabase(db, driver, url);
    if (args.reset) console.log(`Truncated ${await truncateAll(db)} tables.`);
    else await refuseIfSeeded(db);
    // Hashing is deliberately slow: once, shared by every account.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    if (args.scale) await runScale(db, args.scale, args.seed, passwordHash);
    else await runDemo(db, passwordHash);
  } finally {
    await connection.close();
  }
}

async function runDemo(db: Database, passwordHash: string) {
  const began = performance.now();
  // Checked again under the lock: a server starting on the same database may have seeded meanwhile.
  const counts = await seedEmptyDatabase(db, (tx) => seedDemo(tx, { passwordHash }));
  if (!counts) return refuseIfSeeded(db);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Demo world seeded in ${secs(performance.now() - began)}: ${fmt(total)} rows.`);
  console.log(
    Object.entries(counts)
      .map(([table, n]) => `  ${table.padEnd(22)} ${fmt(n).padStart(7)}`)
      .join("\n"),
  );
  console.log(`\nSign in with any of these, password "${DEMO_PASSWORD}":`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(24)} ${a.role}`);
}

async function runScale(db: Database, customers: number, seed: number | undefined, passwordHash: string) {
  console.log(`Building a world of ${fmt(customers)} customers${seed ? ` (seed ${seed})` : ""}...`);
  const summary = await seedScale(db, { customers, seed, passwordHash, progress: progressBars() });
  console.log(
    `\nScale world seeded in ${secs(summary.totalMs)}: ${fmt(summary.shape.providers)} provider businesses, ${fmt(customers)} customers.`,
  );
  console.log("Phases:");
  for (const p of summary.phases)
    console.log(
      `  ${p.phase.padEnd(22)} ${secs(p.ms).padStart(9)}${p.rows ? `  ${fmt(p.rows).padStart(12)} rows` : ""}`,
    );
  console.log("Rows:");
  for (const [table, n] of Object.entries(summary.rows)) console.log(`  ${table.padEnd(22)} ${fmt(n).padStart(12)}`);
  // Customer 1 is the whale: the most reviews, for deep-pagination benchmarks.
  const { rows } = await db.execute<{ email: string }>(
    sql`select email from users where email like '%.1@scale.test' limit 1`,
  );
  console.log(
    `\nSign in (password "${DEMO_PASSWORD}") as owner1@provider.scale.test, a provider, or as ${rows[0]?.email ?? "a customer"}, ` +
      `the customer with the most reviews (${fmt(summary.shape.whaleJobs * 4)} from the extra jobs alone).`,
  );
}

main().catch((error: unknown) => {
  console.error(`\nSeeding failed: ${describeError(error)}`);
  process.exit(1);
});
