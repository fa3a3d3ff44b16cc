import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { connect } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { profileStatsMismatches } from "@/lib/customer-profile/stats-oracle";
import { LOADED_TABLES } from "./scale/ddl";
import { seedScale, shapeFor, type ScaleSummary } from "./scale";
import { scratchDatabase, type ScratchDatabase } from "@/test/db";

const N = 2_000;
let scratch: ScratchDatabase;
let db: Database;
let summary: ScaleSummary;
let schemaBefore: string[];

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows as T[];
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);
const tables = sql.raw(`array[${LOADED_TABLES.map((t) => `'${t}'`).join(",")}]::text[]`);

/** Every index and constraint touching the loaded tables, with its full definition. */
async function schemaObjects(): Promise<string[]> {
  const found = await rows<{ d: string }>(sql`
    select indexdef as d from pg_indexes where schemaname = current_schema() and tablename = any(${tables})
    union all
    select k.conname || ' ' || pg_get_constraintdef(k.oid) || case when k.convalidated then '' else ' NOT VALID' end
    from pg_constraint k join pg_class t on t.oid = k.conrelid left join pg_class r on r.oid = k.confrelid
    where t.relnamespace = current_schema()::regnamespace and (t.relname = any(${tables}) or r.relname = any(${tables}))`);
  return found.map((r) => r.d).sort();
}

beforeAll(async () => {
  scratch = await scratchDatabase();
  db = scratch.db;
  schemaBefore = await schemaObjects();
  summary = await seedScale(db, { customers: N, passwordHash: "not-a-real-hash" });
}, 120_000);
afterAll(() => scratch?.close());

describe("scale seed", () => {
  it("has the expected shape for N customers", async () => {
    const shape = shapeFor(N);
    expect(shape).toEqual({ customers: N, providers: 10, crmCustomers: N, bigBusinessRecords: N / 2, whaleJobs: 5 });
    const counted = Object.fromEntries(
      await Promise.all(
        LOADED_TABLES.map(async (t) => [t, await count(sql.raw(`select count(*) as n from ${t}`))] as const),
      ),
    );
    expect(counted).toEqual(summary.rows);
    expect(counted.customers).toBe(N);
    expect(counted.users).toBe(N + shape.providers);
    expect(counted.businesses).toBe(shape.providers);
    expect(counted.memberships).toBe(shape.providers);
    expect(counted.jobs).toBe(5 * N + shape.whaleJobs);
    expect(counted.customer_reviews).toBeGreaterThan(9.5 * N);
    expect(counted.customer_reviews).toBeLessThan(10.3 * N);
    // A booking per booked or completed job, and for about half the cancelled ones.
    const settled = await count(sql`select count(*) as n from jobs where status in ('booked', 'completed')`);
    const cancelled = await count(sql`select count(*) as n from jobs where status = 'cancelled'`);
    expect(counted.bookings! - settled).toBeGreaterThan(0.4 * cancelled);
    expect(counted.bookings! - settled).toBeLessThan(0.6 * cancelled);
    expect(counted.crm_customers).toBe(N);
    // The large business: its share of the first N/2 plus every record after them.
    const largest = await rows<{ n: number }>(sql`
      select count(*)::int as n from crm_customers group by business_id order by 1 desc limit 1`);
    expect(largest[0]!.n).toBeGreaterThan(N / 2);
    // The whale: customer 1's extra completed jobs, each reviewed by 4 providers.
    const top = await rows<{ email: string; n: number }>(sql`
      select u.email, count(*)::int as n from customer_reviews r join customers c on c.id = r.customer_id
      join users u on u.id = c.user_id group by u.email order by 2 desc limit 1`);
    expect(top[0]!.email).toMatch(/\.1@scale\.test$/);
    expect(top[0]!.n).toBeGreaterThanOrEqual(4 * shape.whaleJobs);
  });

  it("mixes visibilities and job statuses in the intended ratios", async () => {
    const share = async (query: ReturnType<typeof sql>) =>
      Object.fromEntries((await rows<{ k: string; share: number }>(query)).map((r) => [r.k, Number(r.share)]));
    const visibility = await share(
      sql`select provider_visibility::text as k, count(*)::float / ${N} as share from customers group by 1`,
    );
    expect(visibility.public).toBeCloseTo(0.7, 1);
    expect(visibility.restricted).toBeCloseTo(0.2, 1);
    expect(visibility.private).toBeCloseTo(0.1, 1);
    const status = await share(sql`select status::text as k, count(*)::float / ${5 * N} as share from jobs group by 1`);
    expect(status.completed).toBeCloseTo(0.66, 1);
    expect(Object.keys(status).sort()).toEqual(["booked", "cancelled", "completed", "open"]);
    const reviews = (
      await rows<{ avg: number; hidden: number }>(
        sql`select avg(rating)::float as avg, avg((not is_visible)::int)::float as hidden from customer_reviews`,
      )
    )[0]!;
    expect(reviews.avg).toBeGreaterThan(4);
    expect(reviews.avg).toBeLessThan(4.6);
    expect(reviews.hidden).toBeGreaterThan(0.01);
    expect(reviews.hidden).toBeLessThan(0.06);
    expect(await count(sql`select count(distinct category) as n from jobs`)).toBe(15);
  });

  it("keeps the rows consistent with one another", async () => {
    expect(
      await count(sql`
      select count(*) as n from customer_reviews r join jobs j on j.id = r.job_id
      where j.status <> 'completed' or r.job_category <> j.category or r.customer_id <> j.customer_id or r.created_at <= j.completed_at`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from provider_interactions i join jobs j on j.id = i.job_id where i.customer_id <> j.customer_id`,
      ),
    ).toBe(0);
    expect(
      await count(sql`
      select count(*) as n from crm_customers c
      left join (select crm_customer_id, count(*) as k, sum(amount_minor) as s from purchases group by 1) p on p.crm_customer_id = c.id
      where c.purchase_count <> coalesce(p.k, 0) or c.total_spent_minor <> coalesce(p.s, 0)`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from jobs j join customers c on c.id = j.customer_id where j.created_at <= c.created_at`,
      ),
    ).toBe(0);
    // Only a booked job is cancelled by its provider, and a booking comes before the cancellation.
    expect(
      await count(sql`
      select count(*) as n from jobs j left join bookings b on b.job_id = j.id
      where (j.cancelled_by = 'provider' and b.id is null) or b.created_at >= coalesce(j.cancelled_at, j.completed_at, 'infinity')
        or (j.status in ('booked', 'completed') and b.id is null)`),
    ).toBe(0);
  });

  it("keeps every customer's profile_stats equal to a recomputation from the raw rows", async () => {
    expect(await count(sql`select count(*) as n from profile_stats`)).toBe(N);
    expect(await profileStatsMismatches(db)).toEqual([]);
    // The histogram is not degenerate: every rating occurs, and hidden reviews are left out.
    const [sums] = await rows<{ r1: number; r5: number; visible: number; all: number }>(sql`
      select sum(rating1_count)::int as r1, sum(rating5_count)::int as r5, sum(reviews_received)::int as visible,
        (select count(*)::int from customer_reviews) as all from profile_stats`);
    expect(sums!.r1).toBeGreaterThan(0);
    expect(sums!.r5).toBeGreaterThan(sums!.r1);
    expect(sums!.visible).toBeLessThan(sums!.all);
    // Cancellations of every kind: after booking by the customer or by the provider, and withdrawn.
    const [cancellations] = await rows<Record<string, number>>(sql`
      select sum(jobs_cancelled)::int as cancelled, sum(jobs_withdrawn)::int as withdrawn,
        sum(jobs_cancelled_by_provider)::int as by_provider from profile_stats`);
    for (const [kind, n] of Object.entries(cancellations!)) expect(n, kind).toBeGreaterThan(0);
  });

  it("gives every row an unguessable version-4 uuid", async () => {
    expect(
      await count(
        sql`select count(*) as n from customer_reviews where id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`,
      ),
    ).toBe(0);
  });

  it("rebuilds every key, index and foreign key it dropped, validated", async () => {
    expect(await schemaObjects()).toEqual(schemaBefore);
  });

  it("refuses a database that already has users", async () => {
    await expect(seedScale(db, { customers: 10, passwordHash: "x" })).rejects.toThrow(/empty database/);
  });

  it("builds the same content for the same N and seed, on PGlite as on this driver", async () => {
    // Ids differ (secret keys per run); everything else must match.
    const fingerprint = async (target: Database) =>
      (
        await target.execute<{ f: string }>(sql`
          select md5(string_agg(u.email || c.provider_visibility || j.status || j.category || coalesce(j.budget_minor, 0), ',' order by u.email, j.created_at)) as f
          from users u join customers c on c.user_id = u.id join jobs j on j.customer_id = c.id`)
      ).rows[0]!.f;
    const other = await connect("memory://", "pglite");
    try {
      await migrateDatabase(other.db, "pglite");
      await seedScale(other.db, { customers: N, passwordHash: "not-a-real-hash" });
      expect(await fingerprint(other.db)).toBe(await fingerprint(db));
    } finally {
      await other.close();
    }
  }, 60_000);
});
