/**
 * Recording CRM purchases on real Postgres: how many per second concurrent clients record, each a
 * whole POST's work (lib/crm/purchases/mutations.ts recordPurchase): the one prepared statement
 * that takes the record's row lock, inserts the purchase, adds it to the record's totals and writes
 * the audit rows and the v1.customer.updated event. Four figures:
 * - alone: one client, for the latency of one purchase without contention;
 * - spread: BENCH_CLIENTS clients (default 12) over 2,000 records of one business;
 * - one hot record: the same clients all on one record (they queue on its row lock);
 * - replays: purchases whose external reference is already recorded (no-ops answering the first).
 * Runs in a scratch database beside BENCH_DATABASE_URL, dropped afterwards.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { sql } from "drizzle-orm";
import { connect, type Database } from "@/db/client";
import { createDatabase } from "@/db/scratch";
import type { UserActor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { recordPurchase } from "@/lib/crm/purchases/mutations";
import type { RecordPurchaseInput } from "@/lib/crm/purchases/inputs";
import { round, type Figure } from "./measure";
import { cpuMillis } from "./server-cpu";

/** The CPU this process and the database's backends (our pools' connections) have used, in ms. */
async function cpuUsed(db: Database): Promise<{ node: number; postgres: number } | null> {
  const { rows } = await db.execute<{ pid: number }>(
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  const usage = process.cpuUsage();
  let postgres = 0;
  for (const { pid } of rows) {
    const backend = cpuMillis(pid);
    if (backend === null) return null;
    postgres += backend;
  }
  return { node: (usage.user + usage.system) / 1000, postgres };
}

const RECORDS = 2_000;
const PER_POOL = 10; // db/client's pool size

type World = { businessId: string; staff: UserActor; records: string[] };

async function world(db: Database): Promise<World> {
  const { rows: users } = await db.execute<{ id: string }>(
    sql`insert into users (email, name) values (${`bench-${randomUUID()}@example.test`}, 'Bench Staff') returning id`,
  );
  const userId = users[0]!.id;
  const { rows: business } = await db.execute<{ id: string }>(
    sql`insert into businesses (name, currency) values ('Bench Café', 'USD') returning id`,
  );
  const businessId = business[0]!.id;
  await db.execute(
    sql`insert into memberships (business_id, user_id, role) values (${businessId}, ${userId}, 'staff')`,
  );
  const { rows: records } = await db.execute<{ id: string }>(sql`
    insert into crm_customers (business_id, full_name, email)
    select ${businessId}, 'Customer ' || g, 'customer' || g || '@example.test' from generate_series(1, ${RECORDS}) g
    returning id`);
  const staff = (await resolveActor(db, userId, { businessId })) as UserActor;
  return { businessId, staff, records: records.map((r) => r.id) };
}

/** `total` purchases by `clients` concurrent clients over the pools; the rate and each purchase's latency. */
async function run(
  name: string,
  pools: Database[],
  clients: number,
  total: number,
  step: (db: Database, i: number) => Promise<unknown>,
): Promise<Figure> {
  let next = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const db = pools[c % pools.length]!;
      for (let i = next++; i < total; i = next++) {
        const t0 = performance.now();
        await step(db, i);
        times.push(performance.now() - t0);
      }
    }),
  );
  const ms = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
  return { name, runs: total, p50_ms: at(0.5), p95_ms: at(0.95), per_second: Math.round((total / ms) * 1000) };
}

export async function crmPurchasesSuite(baseUrl: string): Promise<Figure[]> {
  const clients = Number(process.env.BENCH_CLIENTS ?? 12);
  const total = Number(process.env.BENCH_PURCHASES ?? 10_000);
  const scratch = await createDatabase(baseUrl, "clientele_bench_crm");
  const connections = [];
  try {
    for (let i = 0; i < Math.ceil(clients / PER_POOL); i++) connections.push(await connect(scratch.url, "pg"));
    const pools = connections.map((c) => c.db);
    const w = await world(pools[0]!);
    const sale = (i: number, extra: Partial<RecordPurchaseInput> = {}): RecordPurchaseInput => ({
      amount_minor: 100 + (i % 5000),
      items: 1 + (i % 4),
      source: "pos",
      ...extra,
    });
    const purchase = (db: Database, recordId: string, input: RecordPurchaseInput) =>
      recordPurchase(db, w.staff, { businessId: w.businessId, customerId: recordId }, input);

    // Warm-up: connections, prepared plans, JIT.
    await run("warm-up", pools, clients, 500, (db, i) => purchase(db, w.records[i % RECORDS]!, sale(i)));
    const figures: Figure[] = [];
    figures.push(
      await run("record a purchase: 1 client (latency alone)", pools, 1, Math.min(total, 1000), (db, i) =>
        purchase(db, w.records[(i * 7919) % RECORDS]!, sale(i)),
      ),
    );
    const cpuBefore = await cpuUsed(pools[0]!);
    figures.push(
      await run(`record a purchase: ${clients} clients over ${RECORDS} records`, pools, clients, total, (db, i) =>
        purchase(db, w.records[(i * 7919) % RECORDS]!, sale(i)),
      ),
    );
    const cpuAfter = await cpuUsed(pools[0]!);
    if (cpuBefore !== null && cpuAfter !== null) {
      // What one purchase costs in CPU (this process and its Postgres backends), and so the rate the
      // machine's cores could sustain if nothing else ran on them (WAL fsync aside).
      const node = (cpuAfter.node - cpuBefore.node) / total;
      const postgres = (cpuAfter.postgres - cpuBefore.postgres) / total;
      const perPurchase = node + postgres;
      const cores = os.cpus().length;
      console.log(
        `CPU per purchase: ${perPurchase.toFixed(2)} ms (Node ${node.toFixed(2)}, Postgres backends ${postgres.toFixed(2)}); ` +
          `${cores} idle cores would sustain about ${Math.round((cores * 1000) / perPurchase)}/s`,
      );
    }
    figures.push(
      await run(`record a purchase: ${clients} clients on one record`, pools, clients, Math.min(total, 3000), (db, i) =>
        purchase(db, w.records[0]!, sale(i)),
      ),
    );
    // External references recorded once, then every one sent again.
    const refs = Math.min(total, 3000);
    await run("seed refs", pools, clients, refs, (db, i) =>
      purchase(db, w.records[i % RECORDS]!, sale(i, { source: "import", external_ref: `ref-${i}` })),
    );
    figures.push(
      await run(`replay a known external reference: ${clients} clients`, pools, clients, refs, (db, i) =>
        purchase(db, w.records[i % RECORDS]!, sale(i, { source: "import", external_ref: `ref-${i}` })),
      ),
    );
    // The totals must still add up after all that.
    const { rows } = await pools[0]!.execute<{ bad: number }>(sql`
      select count(*)::int as bad from crm_customers c
      left join (select crm_customer_id, count(*) n, sum(amount_minor) s from purchases group by 1) p on p.crm_customer_id = c.id
      where c.purchase_count <> coalesce(p.n, 0) or c.total_spent_minor <> coalesce(p.s, 0)`);
    if (rows[0]!.bad !== 0) throw new Error(`${rows[0]!.bad} records' totals disagree with their purchases`);
    console.log(
      `load average during the run: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (${os.cpus().length} cores)`,
    );
    return figures;
  } finally {
    for (const c of connections) await c.close();
    await scratch.drop();
  }
}
