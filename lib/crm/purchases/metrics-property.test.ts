/**
 * Property: after any sequence of purchases (random amounts, items, times in any order, sources,
 * external references drawn from a small pool so that they repeat, on either of two records),
 * every record's metrics equal a recomputation from the raw purchases rows, and the number of
 * purchases is the number of distinct references plus those without one; and the event of each
 * purchase names exactly the metrics whose values it changed (the statement works that out in SQL;
 * here it is recomputed from the answers). fast-check shrinks a failure to the shortest sequence
 * and prints its seed.
 */
import fc from "fast-check";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOutbox } from "@/db/schema";
import { purchaseMetrics, type PurchaseMetricsDto } from "@/lib/crm/metrics";
import { testDatabase, type TestDatabase } from "@/test/db";
import { crmWorld } from "@/test/fixtures/crm-purchases";
import { recordPurchase } from "./mutations";
import { getRecordMetrics } from "./queries";
import { PURCHASE_SOURCES } from "./inputs";

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);

const purchase = fc.record({
  onWalkIn: fc.boolean(),
  amount_minor: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5_000_000_000 })),
  items: fc.integer({ min: 1, max: 50 }),
  /** A time within two years, to the millisecond, or none (now). */
  at: fc.option(fc.integer({ min: 0, max: 730 * DAY }), { nil: undefined }),
  source: fc.constantFrom(...PURCHASE_SOURCES),
  ref: fc.option(fc.constantFrom("r1", "r2", "r3", "r4"), { nil: undefined }),
  currency: fc.constantFrom(undefined, "USD", "usd"),
});

const NO_PURCHASES = {
  purchaseCount: 0,
  totalSpentMinor: 0,
  totalItemsBought: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
};

/** The seed's names of the metrics that differ (total_spent for total_spent_minor, the dates for their instants). */
function metricsChanged(before: PurchaseMetricsDto, after: PurchaseMetricsDto): string[] {
  const changed = new Set<string>();
  for (const key of Object.keys(after) as (keyof PurchaseMetricsDto)[]) {
    if (key === "currency" || key === "days_since_last_purchase" || before[key] === after[key]) continue;
    changed.add(key.replace(/_minor$/, "").replace(/_at$/, "_date"));
  }
  return [...changed].sort();
}

type Raw = { id: string; n: number; spent: string; items: number; first: Date | string; last: Date | string };

describe("purchase metrics", () => {
  it("equal a recomputation from the raw purchases after any sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(purchase, { minLength: 1, maxLength: 25 }), async (sequence) => {
        await t.rollback(async (db) => {
          const w = await crmWorld(db);
          const refs = new Set<string>();
          const expectedCount: Record<string, number> = { [w.recordId]: 0, [w.walkInId]: 0 };
          const zero = purchaseMetrics(NO_PURCHASES, "USD");
          const metricsOf: Record<string, PurchaseMetricsDto> = { [w.recordId]: zero, [w.walkInId]: zero };
          for (const p of sequence) {
            const recordId = p.onWalkIn ? w.walkInId : w.recordId;
            const answer = await recordPurchase(
              db,
              w.staff.staff,
              { businessId: w.businessId, customerId: recordId },
              {
                amount_minor: p.amount_minor,
                items: p.items,
                source: p.source,
                currency: p.currency?.toUpperCase(),
                ...(p.at !== undefined && { purchased_at: new Date(EPOCH + p.at).toISOString() }),
                ...(p.ref !== undefined && { external_ref: p.ref }),
              },
            );
            const key = p.ref === undefined ? null : `${p.source}:${p.ref}`;
            const fresh = key === null || !refs.has(key);
            expect(answer.recorded).toBe(fresh);
            if (key) refs.add(key);
            if (!fresh) continue;
            expectedCount[recordId]!++;
            const [event] = await db
              .select({ payload: eventOutbox.payload })
              .from(eventOutbox)
              .where(eq(eventOutbox.aggregateId, recordId))
              .orderBy(desc(eventOutbox.seq))
              .limit(1);
            const { fields_changed } = event!.payload as { fields_changed: string[] };
            expect([...fields_changed].sort()).toEqual(metricsChanged(metricsOf[recordId]!, answer.metrics));
            metricsOf[recordId] = answer.metrics;
          }
          const { rows } = await db.execute<Raw>(sql`
            select crm_customer_id as id, count(*)::int as n, sum(amount_minor)::text as spent,
                   sum(items)::int as items, min(purchased_at) as first, max(purchased_at) as last
            from purchases where business_id = ${w.businessId} group by crm_customer_id`);
          for (const recordId of [w.recordId, w.walkInId]) {
            const raw = rows.find((r) => r.id === recordId);
            const now = new Date();
            const expected = purchaseMetrics(
              {
                purchaseCount: raw?.n ?? 0,
                totalSpentMinor: Number(raw?.spent ?? 0),
                totalItemsBought: raw?.items ?? 0,
                firstPurchaseAt: raw?.first ?? null,
                lastPurchaseAt: raw?.last ?? null,
              },
              "USD",
              now,
            );
            const { metrics } = await getRecordMetrics(db, w.staff.staff, {
              businessId: w.businessId,
              customerId: recordId,
            });
            expect(metrics.total_purchases).toBe(expectedCount[recordId]);
            expect({ ...metrics, days_since_last_purchase: null }).toEqual({
              ...expected,
              days_since_last_purchase: null,
            });
            expect(
              Math.abs((metrics.days_since_last_purchase ?? 0) - (expected.days_since_last_purchase ?? 0)),
            ).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
