/**
 * Recording a completed sale on a customer record. One transaction: the record's row lock (a
 * deleted record is refused), one statement that inserts the purchase (nothing on a known external
 * reference) and adds it to the record's running totals with a single relative UPDATE
 * (purchase_count + 1, total_spent_minor + amount, least/greatest of the dates: never a value read
 * and written back, so concurrent purchases on one record lose nothing), then the audit rows of the
 * totals and the v1.customer.updated event naming the metrics that changed.
 *
 * Idempotent on (business, source, external_ref): the unique index purchases_external_key with
 * ON CONFLICT DO NOTHING lets one of any number of racing requests insert; the others wait for it
 * to commit, insert nothing, and answer the first purchase (recorded: false), changing nothing.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, crmCustomers, purchases } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { customerUpdated, lockLiveRecord, RECORD_NOT_FOUND } from "@/lib/crm/record";
import { purchaseMetrics, type PurchaseMetricsDto, type PurchaseTotals } from "@/lib/crm/metrics";
import { iso } from "@/lib/dto";
import { notFound, unprocessable } from "@/lib/errors";
import { purchaseRecordedDto, type PurchaseRecordedDto } from "./dto";
import type { RecordPurchaseInput } from "./inputs";
import type { RecordParams } from "@/lib/crm/inputs";
import { toPurchaseDto, type PurchaseRow } from "./rows";

type Nullable<T> = { [K in keyof T]: T[K] | null };
type PurchaseStatementRow = {
  deleted: boolean;
  before_count: number;
  before_spent: string | number;
  before_items: number;
  before_first: Date | string | null;
  before_last: Date | string | null;
} & (InsertedRow | Nullable<InsertedRow>);

/** The purchase the statement inserted (its business is the path's), with the record's new totals. */
type InsertedRow = Omit<PurchaseRow, "business_id"> & {
  purchase_count: number;
  total_spent_minor: string | number;
  total_items_bought: number;
  first_purchase_at: Date | string | null;
  last_purchase_at: Date | string | null;
};

export async function recordPurchase(
  db: Database,
  actor: Actor,
  { businessId, customerId }: RecordParams,
  input: RecordPurchaseInput,
): Promise<PurchaseRecordedDto> {
  const { user } = requireCrm(actor, businessId, "crm.purchases");
  return db.transaction(async (tx) => {
    // One round trip: the record's row lock (lockLiveRecord's, folded in), the insert and the totals.
    const { rows } = await tx.execute<PurchaseStatementRow>(sql`
      with r as (
        select c.id, c.business_id, c.deleted_at, c.purchase_count, c.total_spent_minor, c.total_items_bought,
               c.first_purchase_at, c.last_purchase_at
        from crm_customers c
        where c.business_id = ${businessId}::uuid and c.id = ${customerId}::uuid
        for update
      ), p as (
        insert into purchases (business_id, crm_customer_id, amount_minor, currency, items, description,
                               recorded_by_user_id, source, external_ref, purchased_at)
        select r.business_id, r.id, ${input.amount_minor}, b.currency, ${input.items}, ${input.description ?? ""},
               ${user.userId}::uuid, ${input.source}, ${input.external_ref ?? null}::text,
               coalesce(${input.purchased_at ?? null}::timestamptz, now())
        from r join businesses b on b.id = r.business_id
        where r.deleted_at is null
          and (${input.currency ?? null}::text is null or b.currency = ${input.currency ?? null}::text)
        on conflict (business_id, source, external_ref) where external_ref is not null do nothing
        returning *
      ), u as (
        update crm_customers c set
          purchase_count = c.purchase_count + 1,
          total_spent_minor = c.total_spent_minor + p.amount_minor,
          total_items_bought = c.total_items_bought + p.items,
          first_purchase_at = least(c.first_purchase_at, p.purchased_at),
          last_purchase_at = greatest(c.last_purchase_at, p.purchased_at),
          updated_at = now()
        from p
        where c.id = p.crm_customer_id and c.business_id = p.business_id
        returning c.id, c.purchase_count, c.total_spent_minor, c.total_items_bought, c.first_purchase_at, c.last_purchase_at
      )
      select r.deleted_at is not null as deleted,
             r.purchase_count as before_count, r.total_spent_minor as before_spent, r.total_items_bought as before_items,
             r.first_purchase_at as before_first, r.last_purchase_at as before_last,
             p.id, p.crm_customer_id, p.amount_minor, p.currency, p.items, p.description, p.source, p.external_ref,
             p.purchased_at, p.created_at, u.purchase_count, u.total_spent_minor, u.total_items_bought,
             u.first_purchase_at, u.last_purchase_at
      from r left join p on true left join u on u.id = p.crm_customer_id`);
    const row = rows[0];
    // Not this business's record, or deleted: lockLiveRecord says which, in its words.
    if (!row || row.deleted) {
      await lockLiveRecord(tx, businessId, customerId);
      throw new Error("lockLiveRecord let a missing or deleted record through");
    }
    if (row.id === null) return answerUnrecorded(tx, businessId, input);
    const before: PurchaseTotals = {
      purchaseCount: Number(row.before_count),
      totalSpentMinor: Number(row.before_spent),
      totalItemsBought: Number(row.before_items),
      firstPurchaseAt: row.before_first,
      lastPurchaseAt: row.before_last,
    };
    const inserted = row as PurchaseStatementRow & InsertedRow;
    if (row.purchase_count === null)
      throw new Error("A purchase was inserted but its record's totals were not updated");
    const currency = inserted.currency;
    const after: PurchaseTotals = {
      purchaseCount: Number(row.purchase_count),
      totalSpentMinor: Number(row.total_spent_minor),
      totalItemsBought: Number(row.total_items_bought),
      firstPurchaseAt: row.first_purchase_at,
      lastPurchaseAt: row.last_purchase_at,
    };
    const metrics = purchaseMetrics(after, currency);
    await recordChange(tx, user, {
      businessId,
      entity: { type: "crm_customer", id: customerId },
      action: "purchase",
      before: auditedTotals(before),
      after: auditedTotals(after),
      event: customerUpdated(customerId, metricsChanged(purchaseMetrics(before, currency), metrics), new Date(), user),
    });
    return purchaseRecordedDto.parse({
      purchase: toPurchaseDto({ ...inserted, business_id: businessId }),
      recorded: true,
      metrics,
    });
  });
}

/**
 * Nothing was inserted: the currency is not the business's (422), or the external reference is
 * already recorded, and the answer is that first purchase with its record's metrics.
 */
async function answerUnrecorded(
  tx: Database,
  businessId: string,
  input: RecordPurchaseInput,
): Promise<PurchaseRecordedDto> {
  const [business] = await tx
    .select({ currency: businesses.currency })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  if (!business) throw notFound("That business");
  if (input.currency && input.currency !== business.currency) {
    throw unprocessable(
      `This business records purchases in ${business.currency}, not ${input.currency}.`,
      "currency_mismatch",
    );
  }
  if (input.external_ref === undefined) throw new Error("A purchase without an external reference was not inserted");
  const [first] = await tx
    .select({ purchase: purchases, record: crmCustomers })
    .from(purchases)
    .innerJoin(crmCustomers, eq(crmCustomers.id, purchases.crmCustomerId))
    .where(
      and(
        eq(purchases.businessId, businessId),
        eq(purchases.source, input.source),
        eq(purchases.externalRef, input.external_ref),
      ),
    );
  if (!first) throw notFound(RECORD_NOT_FOUND);
  return purchaseRecordedDto.parse({
    purchase: toPurchaseDto(purchaseRowOf(first.purchase)),
    recorded: false,
    metrics: purchaseMetrics(first.record, business.currency),
  });
}

export function purchaseRowOf(p: typeof purchases.$inferSelect): PurchaseRow {
  return {
    id: p.id,
    business_id: p.businessId,
    crm_customer_id: p.crmCustomerId,
    amount_minor: p.amountMinor,
    currency: p.currency,
    items: p.items,
    description: p.description,
    source: p.source,
    external_ref: p.externalRef,
    purchased_at: p.purchasedAt,
    created_at: p.createdAt,
  };
}

function auditedTotals(t: PurchaseTotals) {
  return {
    purchaseCount: t.purchaseCount,
    totalSpentMinor: Number(t.totalSpentMinor),
    totalItemsBought: t.totalItemsBought,
    firstPurchaseAt: iso(t.firstPurchaseAt),
    lastPurchaseAt: iso(t.lastPurchaseAt),
  };
}

/** The metrics (by their seed names: total_spent, not total_spent_minor) a purchase changed. */
const NOT_A_CHANGE = new Set(["currency", "days_since_last_purchase"]);
const SAME_METRIC: Record<string, string> = {
  first_purchase_at: "first_purchase_date",
  last_purchase_at: "last_purchase_date",
};
export function metricsChanged(before: PurchaseMetricsDto, after: PurchaseMetricsDto): string[] {
  const changed = new Set<string>();
  for (const key of Object.keys(after) as (keyof PurchaseMetricsDto)[]) {
    if (NOT_A_CHANGE.has(key) || before[key] === after[key]) continue;
    changed.add(SAME_METRIC[key] ?? key.replace(/_minor$/, ""));
  }
  return [...changed];
}
