/**
 * Migration 0007 (drizzle/0007_fair_cancellations.sql) on a database as the release before it left
 * one: counters that held every cancelled job in jobs_cancelled, whoever cancelled and booked or
 * not. After it, the stats oracle finds nothing to correct: each customer's cancellations are split
 * by who cancelled and whether a provider was booked, exactly as the live counters now keep them.
 * Runs on each driver's own scratch database, through the same migrator the app starts with.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { migrateDatabase, migrationStatus } from "@/db/migrate";
import { scratchDatabase, type ScratchDatabase } from "@/test/db";
import { migrationsUpTo } from "@/test/migrations";
import { profileStatsMismatches } from "./stats-oracle";
import { expectedJobCategories, expectedProfileStats } from "./stats-definition";

const before = migrationsUpTo("0006_job_category_counts");
let scratch: ScratchDatabase;
let db: Database;

const one = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows[0] as T;

/** Rows written with the columns every release since 0006 has, so later migrations cannot break the setup. */
async function customer(name: string): Promise<string> {
  const { id } = await one<{ id: string }>(sql`
    with u as (insert into users (email, name) values (${`${name}-${crypto.randomUUID()}@example.test`}, ${name}) returning id)
    insert into customers (user_id, first_name, last_name, handle, created_at)
    select id, ${name}, 'Smith', ${`h${crypto.randomUUID().slice(0, 12)}`}, now() - interval '400 days' from u returning id`);
  return id;
}

type JobSpec = { status: "open" | "booked" | "completed" | "cancelled"; booked: boolean; by?: "customer" | "provider" };

async function job(customerId: string, providerId: string, spec: JobSpec, daysAgo: number): Promise<void> {
  const { id } = await one<{ id: string }>(sql`
    insert into jobs (customer_id, title, category, description, status, cancelled_at, cancelled_by, completed_at, created_at)
    values (${customerId}, 'A job', 'Plumbing', '-', ${spec.status}::job_status,
      ${spec.status === "cancelled" ? sql`now() - ${`${daysAgo - 2} days`}::interval` : null},
      ${spec.by ?? null}::party_role,
      ${spec.status === "completed" ? sql`now() - ${`${daysAgo - 3} days`}::interval` : null},
      now() - ${`${daysAgo} days`}::interval)
    returning id`);
  const { id: applicationId } = await one<{ id: string }>(sql`
    insert into job_applications (job_id, provider_business_id, message, status)
    values (${id}, ${providerId}, 'Hi', ${spec.booked ? "accepted" : "rejected"}::application_status) returning id`);
  if (spec.booked) {
    await db.execute(sql`
      insert into bookings (job_id, application_id, provider_business_id, customer_id, created_at)
      values (${id}, ${applicationId}, ${providerId}, ${customerId}, now() - ${`${daysAgo - 1} days`}::interval)`);
  }
}

beforeAll(async () => {
  scratch = await scratchDatabase("clientele_migration", { migrationsFolder: before.folder });
  db = scratch.db;
}, 60_000);
afterAll(async () => {
  await scratch?.close();
  before.remove();
});

describe("migration 0007: fair cancellation figures", () => {
  it("recounts every customer's cancellations by who cancelled and whether a provider was booked", async () => {
    const shipped = (await migrationStatus(db)).shipped;
    expect((await migrationStatus(db)).applied).toBe(7);

    const { id: provider } = await one<{ id: string }>(
      sql`insert into businesses (name, is_marketplace_provider) values ('Pipes Ltd', true) returning id`,
    );
    const cara = await customer("Cara");
    await job(cara, provider, { status: "completed", booked: true }, 60);
    await job(cara, provider, { status: "cancelled", booked: false, by: "customer" }, 50); // withdrawn
    await job(cara, provider, { status: "cancelled", booked: true, by: "customer" }, 40); // hers
    await job(cara, provider, { status: "cancelled", booked: true, by: "provider" }, 30); // the provider's
    const bo = await customer("Bo");
    await job(bo, provider, { status: "completed", booked: true }, 20);
    await job(bo, provider, { status: "open", booked: false }, 2);
    // The counters as the release before kept them: every cancelled job in jobs_cancelled.
    await db.execute(sql`
      insert into profile_stats (customer_id, jobs_posted, jobs_completed, jobs_cancelled, reviews_received,
        rating1_count, rating2_count, rating3_count, rating4_count, rating5_count, last_active_at)
      select customer_id, jobs_posted, jobs_completed, jobs_cancelled + jobs_withdrawn + jobs_cancelled_by_provider,
        reviews_received, rating1_count, rating2_count, rating3_count, rating4_count, rating5_count, last_active_at
      from (${expectedProfileStats("all")}) expected`);
    await db.execute(sql`insert into profile_job_categories (customer_id, category, jobs)
      select customer_id, category, jobs from (${expectedJobCategories("all")}) expected`);
    const old = await one<{ jobs_cancelled: number; last_active_at: string }>(
      sql`select jobs_cancelled, last_active_at::text from profile_stats where customer_id = ${cara}`,
    );
    expect(old.jobs_cancelled).toBe(3);

    await migrateDatabase(db, scratch.driver, scratch.url ?? undefined);
    expect(await migrationStatus(db)).toMatchObject({ applied: shipped, pending: 0 });

    expect(await profileStatsMismatches(db)).toEqual([]);
    expect(
      await one(sql`
        select jobs_posted, jobs_completed, jobs_cancelled, jobs_withdrawn, jobs_cancelled_by_provider, last_active_at::text
        from profile_stats where customer_id = ${cara}`),
    ).toEqual({
      jobs_posted: 4,
      jobs_completed: 1,
      jobs_cancelled: 1,
      jobs_withdrawn: 1,
      jobs_cancelled_by_provider: 1,
      last_active_at: old.last_active_at,
    });
    expect(
      await one(sql`select jobs_cancelled, jobs_withdrawn, jobs_cancelled_by_provider from profile_stats
        where customer_id = ${bo}`),
    ).toEqual({ jobs_cancelled: 0, jobs_withdrawn: 0, jobs_cancelled_by_provider: 0 });
  });
});
