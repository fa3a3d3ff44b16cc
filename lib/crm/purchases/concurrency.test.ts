/**
 * Concurrent purchases on real Postgres (node-postgres and Neon's driver; PGlite has one
 * connection, so nothing there is ever concurrent): many purchases on one record at once lose
 * nothing, many with one external reference record one, and two bookings of one customer with one
 * provider at once make one CRM record. The steps commit, so the file has a database of its own.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { crmCustomers, purchases } from "@/db/schema";
import { acceptApplication, applyToJob } from "@/lib/marketplace/applications/mutations";
import { postJob } from "@/lib/marketplace/jobs/mutations";
import { driver, scratchDatabase, type ScratchDatabase } from "@/test/db";
import { outcomes } from "@/test/factories";
import { crmWorld } from "@/test/fixtures/crm-purchases";
import { newCustomer, newProvider } from "@/test/fixtures/marketplace";
import { recordPurchase } from "./mutations";
import { getRecordMetrics } from "./queries";

let scratch: ScratchDatabase;
let db: Database;
beforeAll(async () => {
  if (driver === "pglite") return;
  scratch = await scratchDatabase();
  db = scratch.db;
}, 60_000);
afterAll(() => scratch?.close());

const N = 24;

describe.skipIf(driver === "pglite")("concurrent purchases", () => {
  it(`loses none of ${N} purchases made on one record at the same moment`, async () => {
    const w = await crmWorld(db);
    const params = { businessId: w.businessId, customerId: w.recordId };
    const actors = [w.staff.owner, w.staff.admin, w.staff.manager, w.staff.staff];
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        recordPurchase(db, actors[i % 4]!, params, {
          amount_minor: 100 + i,
          items: 1 + (i % 3),
          source: "pos",
          purchased_at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        }),
      ),
    );
    expect(answers.every((a) => a.recorded)).toBe(true);
    const { metrics } = await getRecordMetrics(db, w.staff.owner, params);
    const spent = Array.from({ length: N }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    const items = Array.from({ length: N }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
    expect(metrics).toMatchObject({
      total_purchases: N,
      total_spent_minor: spent,
      total_items_bought: items,
      first_purchase_date: "2026-01-01",
      last_purchase_date: new Date(Date.UTC(2026, 0, N)).toISOString().slice(0, 10),
    });
    // Each answer saw its own purchase added: the counts it answered are exactly 1..N.
    expect(answers.map((a) => a.metrics.total_purchases).sort((a, b) => a - b)).toEqual(
      Array.from({ length: N }, (_, i) => i + 1),
    );
  });

  it(`records one purchase when ${N} with the same external reference arrive at once, and answers it to all`, async () => {
    const w = await crmWorld(db);
    const params = { businessId: w.businessId, customerId: w.recordId };
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        recordPurchase(db, i % 2 ? w.staff.staff : w.staff.manager, params, {
          amount_minor: 2500,
          items: 1,
          source: "online",
          external_ref: "order-77",
        }),
      ),
    );
    expect(answers.filter((a) => a.recorded)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.purchase.purchase_id)).size).toBe(1);
    const rows = await db.select().from(purchases).where(eq(purchases.businessId, w.businessId));
    expect(rows).toHaveLength(1);
    const { metrics } = await getRecordMetrics(db, w.staff.owner, params);
    expect(metrics).toMatchObject({ total_purchases: 1, total_spent_minor: 2500 });
  });

  it("purchases on many records at once each land on their own record", async () => {
    const w = await crmWorld(db);
    const results = await outcomes(
      Array.from({ length: N }, (_, i) =>
        recordPurchase(
          db,
          w.staff.staff,
          { businessId: w.businessId, customerId: i % 2 ? w.recordId : w.walkInId },
          { amount_minor: 10, items: 1, source: "pos" },
        ),
      ),
    );
    expect(results).toEqual(Array(N).fill("ok"));
    const [a, b] = await Promise.all(
      [w.recordId, w.walkInId].map((id) => db.select().from(crmCustomers).where(eq(crmCustomers.id, id))),
    );
    expect([a![0]!.purchaseCount, b![0]!.purchaseCount]).toEqual([N / 2, N / 2]);
  });

  it("makes one CRM record when two bookings of one customer with one provider are accepted at once", async () => {
    const cara = await newCustomer(db);
    const provider = await newProvider(db);
    const jobs = [];
    for (let i = 0; i < 2; i++) {
      const { job_id } = await postJob(db, cara.actor, {
        title: "Paint",
        category: "Painting",
        description: "A wall.",
      });
      const { application_id } = await applyToJob(db, provider.actor, job_id, { message: "Hi" });
      jobs.push({ job_id, application_id });
    }
    expect(await outcomes(jobs.map((j) => acceptApplication(db, cara.actor, j.job_id, j.application_id)))).toEqual([
      "ok",
      "ok",
    ]);
    const records = await db
      .select()
      .from(crmCustomers)
      .where(and(eq(crmCustomers.businessId, provider.businessId), eq(crmCustomers.customerId, cara.customerId)));
    expect(records).toHaveLength(1);
  });
});
