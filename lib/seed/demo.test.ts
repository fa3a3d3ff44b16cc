import { sql } from "drizzle-orm";
import { isValidPhoneNumber } from "libphonenumber-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { buildDemoWorld, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from "./demo";
import { profileStatsMismatches } from "@/lib/customer-profile/stats-oracle";
import { scratchDatabase, type ScratchDatabase } from "@/test/db";

let scratch: ScratchDatabase;
let db: Database;
let firstRun: boolean[];

const rows = async <T>(query: ReturnType<typeof sql>) =>
  (await db.execute<T & Record<string, unknown>>(query)).rows as T[];
const values = async (query: ReturnType<typeof sql>) => (await rows<{ v: string }>(query)).map((r) => r.v).sort();
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(query))[0]!.n);

beforeAll(async () => {
  scratch = await scratchDatabase();
  db = scratch.db;
  // Two seeders racing for the same empty database: exactly one may seed.
  firstRun = await Promise.all([seedDemoIfEmpty(db), seedDemoIfEmpty(db)]);
}, 120_000);
afterAll(() => scratch?.close());

describe("demo seed", () => {
  it("seeds once, however often and however concurrently it is asked", async () => {
    expect([...firstRun].sort()).toEqual([false, true]);
    const users = await count(sql`select count(*) as n from users`);
    expect(await seedDemoIfEmpty(db)).toBe(false);
    expect(await count(sql`select count(*) as n from users`)).toBe(users);
  });

  it("builds the same content on every run", () => {
    const strip = (w: unknown) =>
      JSON.stringify(w, (key, value) => (key === "id" || /Id$/.test(key) ? undefined : value));
    expect(strip(buildDemoWorld("hash"))).toBe(strip(buildDemoWorld("hash")));
  });

  it("has every demo account, signing in with the demo password", async () => {
    const found = await rows<{ email: string; password_hash: string; is_platform_admin: boolean }>(
      sql`select email, password_hash, is_platform_admin from users where lower(email) = any(${sql.raw(`array[${DEMO_ACCOUNTS.map((a) => `'${a.email}'`).join(",")}]`)})`,
    );
    expect(found.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(found.filter((u) => u.is_platform_admin).map((u) => u.email)).toEqual(["admin@clientele.test"]);
    expect(await verifyPassword(found[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    // Every account shares one hash: it was computed once.
    expect(new Set(found.map((u) => u.password_hash)).size).toBe(1);
  });

  it("has staff in every role, and one person at two businesses", async () => {
    expect(await values(sql`select distinct role::text as v from memberships`)).toEqual(
      [...schema.staffRole.enumValues].sort(),
    );
    const multi = await rows<{ name: string; role: string }>(sql`
      select b.name, m.role from memberships m join users u on u.id = m.user_id join businesses b on b.id = m.business_id
      where u.email = 'multi@clientele.test' order by m.created_at`);
    expect(multi).toEqual([
      { name: "Bloom & Brew Café", role: "staff" },
      { name: "Luxe Locks Salon", role: "manager" },
    ]);
    expect(await count(sql`select count(*) as n from businesses where is_marketplace_provider`)).toBeGreaterThanOrEqual(
      3,
    );
  });

  it("represents every visibility and every status", async () => {
    const all = (e: { enumValues: readonly string[] }) => [...e.enumValues].sort();
    expect(await values(sql`select distinct provider_visibility::text as v from customers`)).toEqual(
      all(schema.providerVisibility),
    );
    expect(await values(sql`select distinct social_visibility::text as v from customers`)).toEqual(
      all(schema.socialVisibility),
    );
    expect(await values(sql`select distinct status::text as v from jobs`)).toEqual(all(schema.jobStatus));
    expect(await values(sql`select distinct status::text as v from order_snapshots`)).toEqual(all(schema.orderStatus));
    expect(await values(sql`select distinct customer_type::text as v from crm_customers`)).toEqual(
      all(schema.customerType),
    );
    expect(await values(sql`select distinct status::text as v from goals`)).toEqual(all(schema.goalStatus));
    expect(await values(sql`select distinct kind::text as v from provider_interactions`)).toEqual(
      all(schema.interactionKind),
    );
    expect(await values(sql`select distinct status::text as v from connections`)).toEqual(
      expect.arrayContaining(["accepted", "pending"]),
    );
    expect(await values(sql`select distinct currency as v from order_snapshots`)).toEqual(["EUR", "USD"]);
    const named = await rows<{ handle: string; provider_visibility: string }>(
      sql`select handle, provider_visibility from customers where handle in ('alice', 'bob', 'carol', 'dana') order by handle`,
    );
    expect(named.map((c) => c.provider_visibility)).toEqual(["public", "restricted", "private", "public"]);
  });

  it("has reviews only on completed jobs, by the booked provider, with the job's category", async () => {
    expect(
      await count(sql`
      select count(*) as n from customer_reviews r join jobs j on j.id = r.job_id
      left join bookings b on b.job_id = j.id
      where j.status <> 'completed' or r.job_category <> j.category or r.customer_id <> j.customer_id
        or b.provider_business_id is distinct from r.provider_business_id or r.created_at < j.completed_at`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from customer_reviews where not is_visible`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from customer_reviews where disputed_at is not null`)).toBe(1);
    // Alice's visible reviews need more than one page.
    expect(
      await count(sql`
      select count(*) as n from customer_reviews r join customers c on c.id = r.customer_id
      where c.handle = 'alice' and r.is_visible`),
    ).toBeGreaterThan(15);
  });

  it("records the provider interactions each job implies", async () => {
    const missing = await count(sql`
      select count(*) as n from (
        select a.job_id, a.provider_business_id, 'job_application'::text as kind from job_applications a
        union all select b.job_id, b.provider_business_id, 'booking' from bookings b
        union all select b.job_id, b.provider_business_id, 'job_completed' from bookings b join jobs j on j.id = b.job_id where j.status = 'completed'
        union all select distinct m.job_id, m.provider_business_id, 'message' from job_messages m
      ) expected
      where not exists (select 1 from provider_interactions i where i.job_id = expected.job_id
        and i.provider_business_id = expected.provider_business_id and i.kind::text = expected.kind)`);
    expect(missing).toBe(0);
    // Bob is restricted: only the two providers he dealt with may see him.
    expect(
      await values(sql`
      select distinct b.name as v from provider_interactions i join businesses b on b.id = i.provider_business_id
      join customers c on c.id = i.customer_id where c.handle = 'bob'`),
    ).toEqual(["Handy Hank's Repairs", "Sparkle Cleaning Co."]);
  });

  it("keeps every CRM record's totals equal to the sum of its purchases", async () => {
    expect(
      await count(sql`
      select count(*) as n from crm_customers c
      left join (select crm_customer_id, count(*) as k, sum(amount_minor) as s, min(purchased_at) as f, max(purchased_at) as l
                 from purchases group by 1) p on p.crm_customer_id = c.id
      where c.purchase_count <> coalesce(p.k, 0) or c.total_spent_minor <> coalesce(p.s, 0)
        or c.first_purchase_at is distinct from p.f or c.last_purchase_at is distinct from p.l`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from purchases p join crm_customers c on c.id = p.crm_customer_id join businesses b on b.id = c.business_id where p.currency <> b.currency`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*) as n from crm_customers c join businesses b on b.id = c.business_id where b.name = 'Bloom & Brew Café'`,
      ),
    ).toBeGreaterThanOrEqual(300);
    expect(await count(sql`select count(*) as n from crm_customers where deleted_at is not null`)).toBe(1);
  });

  it("keeps items bought and completed appointments on each record equal to their rows", async () => {
    expect(
      await count(sql`
      select count(*) as n from crm_customers c
      left join (select crm_customer_id, sum(items)::int as i from purchases group by 1) p on p.crm_customer_id = c.id
      left join (select crm_customer_id, count(*)::int as k, max(starts_at) as l from appointments
                 where status = 'completed' group by 1) a on a.crm_customer_id = c.id
      where c.total_items_bought <> coalesce(p.i, 0) or c.appointment_count <> coalesce(a.k, 0)
        or c.last_appointment_at is distinct from a.l`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from purchases where items > 1`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from crm_customers where appointment_count > 0`)).toBeGreaterThan(0);
  });

  it("shows Bloom & Brew's CRM whole: tags, notes of every type, named preferences, E.164 phones, unique emails", async () => {
    const bloom = sql`(select id from businesses where name = 'Bloom & Brew Café')`;
    const [business] = await rows<{ country: string }>(sql`select country from businesses where id = ${bloom}`);
    expect(business!.country).toBe("US");
    expect(
      await count(sql`select count(distinct t.id) as n from crm_customer_tags ct join crm_tags t on t.id = ct.tag_id
        where ct.business_id = ${bloom}`),
    ).toBeGreaterThanOrEqual(6);
    expect(await values(sql`select distinct note_type::text as v from crm_notes where business_id = ${bloom}`)).toEqual(
      ["feedback", "issue", "personal", "preference"],
    );
    expect(
      await count(sql`select count(*) as n from crm_notes where business_id = ${bloom} and is_pinned`),
    ).toBeGreaterThan(1);
    expect(await count(sql`select count(*) as n from crm_notes where char_length(body) > 500`)).toBe(0);
    const [prefs] = await rows<{ dnc: number; sms: number; times: number; payments: number }>(sql`
      select count(*) filter (where do_not_contact)::int as dnc, count(*) filter (where prefer_sms)::int as sms,
             count(best_contact_time)::int as times, count(preferred_payment)::int as payments
      from crm_contact_preferences where business_id = ${bloom}`);
    expect(prefs!.dnc).toBeGreaterThan(0);
    expect(Math.min(prefs!.sms, prefs!.times, prefs!.payments)).toBeGreaterThan(0);

    // Every phone in E.164, valid for libphonenumber; most records have one.
    const phones = await rows<{ phone: string }>(sql`select phone from crm_customers where phone is not null`);
    expect(phones.length).toBeGreaterThan(200);
    const invalid = phones.filter((p) => !/^\+[1-9]\d{7,14}$/.test(p.phone) || !isValidPhoneNumber(p.phone));
    expect(invalid).toEqual([]);
    expect(
      await count(sql`select count(*) as n from crm_customers c join businesses b on b.id = c.business_id
        where b.country = 'DE' and c.customer_id is null and c.phone is not null and c.phone not like '+49%'`),
    ).toBe(0);
    // Emails unique per business among live records, whatever the case.
    expect(
      await count(sql`select count(*) as n from (select 1 from crm_customers where email is not null and deleted_at is null
        group by business_id, lower(email) having count(*) > 1) d`),
    ).toBe(0);
  });

  it("gives the same person records at several businesses, each its own", async () => {
    const people = await rows<{ handle: string; businesses: number; types: number }>(sql`
      select k.handle, count(distinct c.business_id)::int as businesses, count(distinct c.customer_type)::int as types
      from crm_customers c join customers k on k.id = c.customer_id group by k.handle having count(distinct c.business_id) >= 2`);
    expect(people.length).toBeGreaterThanOrEqual(3);
    const alice = people.find((p) => p.handle === "alice")!;
    expect(alice.businesses).toBeGreaterThanOrEqual(3);
    expect(alice.types).toBeGreaterThanOrEqual(2);
    const notes = await values(sql`
      select n.body as v from crm_notes n join crm_customers c on c.id = n.crm_customer_id join customers k on k.id = c.customer_id
      where k.handle = 'alice' and n.is_pinned`);
    expect(notes.length).toBeGreaterThanOrEqual(1);
  });

  it("derives profile stats and achievements from the seeded rows", async () => {
    // Exactly what the marketplace keeps live: jobs by state, the visible-review histogram, last activity.
    expect(await profileStatsMismatches(db)).toEqual([]);
    expect(
      await count(
        sql`select count(*) as n from customers c where not exists (select 1 from profile_stats s where s.customer_id = c.id)`,
      ),
    ).toBe(0);
    // Alice's histogram leaves out her hidden review (her only 3).
    const [alice] = await rows<{ r: number[]; n: number }>(sql`
      select array[s.rating1_count, s.rating2_count, s.rating3_count, s.rating4_count, s.rating5_count] as r, s.reviews_received as n
      from profile_stats s join customers c on c.id = s.customer_id where c.handle = 'alice'`);
    expect(alice).toEqual({ r: [0, 1, 0, 5, 15], n: 21 });
    // One cancellation of each kind; only the one she called off after booking counts against her.
    const [cancellations] = await rows(sql`
      select s.jobs_completed, s.jobs_cancelled, s.jobs_withdrawn, s.jobs_cancelled_by_provider
      from profile_stats s join customers c on c.id = s.customer_id where c.handle = 'alice'`);
    expect(cancellations).toEqual({
      jobs_completed: 22,
      jobs_cancelled: 1,
      jobs_withdrawn: 1,
      jobs_cancelled_by_provider: 1,
    });
    expect(
      await count(
        sql`select count(*) as n from customer_achievements a join achievements x on x.code = a.achievement_code where (a.unlocked_at is not null) <> (a.progress >= x.target)`,
      ),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from achievements`)).toBeGreaterThanOrEqual(8);
  });

  it("has processed Stripe events behind every webhook-written order", async () => {
    expect(
      await count(sql`
      select count(*) as n from order_snapshots o
      where o.last_source <> 'reconcile' and not exists (select 1 from stripe_events e where e.id = o.last_source)`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from order_snapshots where stripe_object_id not like 'pi\\_%'`)).toBe(
      0,
    );
    expect(await count(sql`select count(*) as n from audit_log`)).toBeGreaterThan(3);
  });
});
