/**
 * The scale world: N customers and everything around them (see scale/statements.ts for the
 * shape), loaded with set-based INSERT ... SELECT FROM generate_series in ranges of customers.
 * The whole load is one transaction: primary keys, indexes and foreign keys of the loaded tables
 * are dropped, the rows inserted, the keys rebuilt and validated, and only then committed, so a
 * failed or interrupted load leaves the database exactly as it was. VACUUM ANALYZE runs after.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "./demo/accounts";
import { seedEmptyDatabase } from "./lock";
import { dropStatements, LOADED_TABLES, readDdl, recreateStatements } from "./scale/ddl";
import { ANCHOR, Expr } from "./scale/expr";
import { shapeFor, Statements, type Shape } from "./scale/statements";
import {
  definedStatsColumnList,
  expectedJobCategories,
  expectedProfileStats,
} from "@/lib/customer-profile/stats-definition";

export { shapeFor, type Shape } from "./scale/statements";

/** Receives progress; scripts/seed.ts draws it as bars, tests ignore it. */
export type ScaleProgress = {
  start(phase: string, total: number, unit: string): void;
  increment(by: number): void;
  stop(): void;
};

export type ScaleOptions = {
  customers: number;
  /** Varies the content; the same seed and N give the same world. */
  seed?: number;
  passwordHash?: string;
  /** Customers per INSERT statement; defaults to a twentieth of N (at least 5,000). */
  chunkSize?: number;
  progress?: ScaleProgress;
};

export type PhaseResult = { phase: string; rows: number; ms: number };
export type ScaleSummary = { shape: Shape; phases: PhaseResult[]; rows: Record<string, number>; totalMs: number };

/**
 * Every customer's counters and per-category job counts, loaded last from the rows loaded before
 * them, by the one definition the live counters are held to (lib/customer-profile/stats-definition.ts):
 * one hash aggregate per table.
 */
function profileStatsLoad(): [table: string, statement: SQL][] {
  return [
    [
      "profile_stats",
      sql`insert into profile_stats (${definedStatsColumnList}, computed_at)
        select ${definedStatsColumnList}, ${sql.raw(ANCHOR)} from (${expectedProfileStats("all")}) expected`,
    ],
    [
      "profile_job_categories",
      sql`insert into profile_job_categories (customer_id, category, jobs)
        select customer_id, category, jobs from (${expectedJobCategories("all")}) expected`,
    ],
  ];
}

const silent: ScaleProgress = { start() {}, increment() {}, stop() {} };

type Affected = { rowCount?: number | null; affectedRows?: number };

export async function seedScale(db: Database, options: ScaleOptions): Promise<ScaleSummary> {
  const { customers } = options;
  if (!Number.isInteger(customers) || customers < 1)
    throw new Error(`--scale needs a positive whole number of customers, not ${customers}`);
  const progress = options.progress ?? silent;
  const shape = shapeFor(customers);
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const statements = new Statements(new Expr(options.seed ?? 1), shape, passwordHash);
  const chunk = options.chunkSize ?? Math.max(5_000, Math.ceil(customers / 20));
  const phases: PhaseResult[] = [];
  const rows: Record<string, number> = {};
  const began = performance.now();

  /** Runs one statement and counts the rows it inserted into its table (named, or read from the text). */
  const exec = async (tx: Database, statement: string | SQL, into?: string) => {
    const result = (await tx.execute(typeof statement === "string" ? sql.raw(statement) : statement)) as Affected;
    const count = result.rowCount ?? result.affectedRows ?? 0;
    const table = into ?? (typeof statement === "string" ? /^\s*insert into (\w+)/i.exec(statement)?.[1] : undefined);
    if (table) rows[table] = (rows[table] ?? 0) + count;
    return count;
  };

  /** A phase: run its statements, feed the progress bar, record rows and time. */
  const phase = async (
    name: string,
    total: number,
    unit: string,
    work: (step: (by: number) => void) => Promise<number>,
  ) => {
    const start = performance.now();
    progress.start(name, total, unit);
    try {
      const count = await work((by) => progress.increment(by));
      phases.push({ phase: name, rows: count, ms: Math.round(performance.now() - start) });
    } finally {
      progress.stop();
    }
  };

  /** Runs `build(a, b)` for consecutive ranges of 1..total. */
  const ranged =
    (tx: Database, total: number, build: (a: number, b: number) => string[]) => async (step: (by: number) => void) => {
      let count = 0;
      for (let a = 1; a <= total; a += chunk) {
        const b = Math.min(total, a + chunk - 1);
        for (const statement of build(a, b)) count += await exec(tx, statement);
        step(b - a + 1);
      }
      return count;
    };

  const loaded = await seedEmptyDatabase(db, async (tx) => {
    // Index builds and the CRM totals' lateral aggregates want memory; local to this transaction.
    await tx.execute(sql.raw(`set local maintenance_work_mem = '1GB'`));
    await tx.execute(sql.raw(`set local work_mem = '128MB'`));
    await tx.execute(sql.raw(`set local synchronous_commit = off`));
    // The planner overestimates the lateral generate_series 1000-fold, so every statement would
    // pay ~200 ms of JIT compilation for expressions that run in microseconds (36 s vs 51 s at 100k).
    await tx.execute(sql.raw(`set local jit = off`));

    const ddl = await readDdl(tx);
    const drops = dropStatements(ddl);
    await phase("drop keys & indexes", drops.length, "statements", async (step) => {
      for (const statement of drops) {
        await exec(tx, statement);
        step(1);
      }
      return 0;
    });

    await phase("businesses & owners", shape.providers, "businesses", async (step) => {
      let count = 0;
      for (const statement of statements.businesses()) count += await exec(tx, statement);
      step(shape.providers);
      return count;
    });
    // Per customer, in chunks, in the order the foreign keys (restored below) will expect.
    const perCustomer = [
      ["users & customers", (a: number, b: number) => statements.customers(a, b)],
      ["jobs", (a: number, b: number) => statements.jobs(a, b)],
      ["applications", (a: number, b: number) => statements.applications(a, b)],
      ["bookings", (a: number, b: number) => statements.bookings(a, b)],
      ["reviews", (a: number, b: number) => statements.reviews(a, b)],
      ["interactions", (a: number, b: number) => statements.interactions(a, b)],
    ] as const;
    for (const [name, build] of perCustomer) {
      await phase(name, customers, "customers", ranged(tx, customers, build));
    }
    await phase("profile stats", customers, "customers", async (step) => {
      let count = 0;
      for (const [table, statement] of profileStatsLoad()) count += await exec(tx, statement, table);
      step(customers);
      return count;
    });
    for (const [name, build] of [
      ["crm customers", (a: number, b: number) => statements.crmCustomers(a, b)],
      ["purchases", (a: number, b: number) => statements.purchases(a, b)],
    ] as const) {
      await phase(name, shape.crmCustomers, "records", ranged(tx, shape.crmCustomers, build));
    }

    const { keysAndIndexes, foreignKeys } = recreateStatements(ddl);
    await phase("keys & indexes", keysAndIndexes.length, "indexes", async (step) => {
      for (const statement of keysAndIndexes) {
        await exec(tx, statement);
        step(1);
      }
      return 0;
    });
    await phase("foreign keys", foreignKeys.length, "constraints", async (step) => {
      for (const statement of foreignKeys) {
        await exec(tx, statement);
        step(1);
      }
      return 0;
    });
    return true;
  });
  if (!loaded)
    throw new Error("The database already has users; the scale world needs an empty database (use --reset).");

  // After commit: VACUUM cannot run in a transaction, and it sets the visibility map that
  // index-only scans need, which a freshly loaded table lacks.
  await phase("vacuum analyze", LOADED_TABLES.length, "tables", async (step) => {
    for (const table of LOADED_TABLES) {
      await db.execute(sql.raw(`vacuum (analyze) ${table}`));
      step(1);
    }
    return 0;
  });

  return { shape, phases, rows, totalMs: Math.round(performance.now() - began) };
}
