/**
 * Recording a completed sale on a customer record, in one statement and so one round trip (a till
 * records many a second): it takes the record's row lock (a deleted record is refused), inserts
 * the purchase (nothing on a known external reference), adds it to the record's running totals with
 * a single relative UPDATE (purchase_count + 1, total_spent_minor + amount, least/greatest of the
 * dates: never a value read and written back, so concurrent purchases on one record lose nothing),
 * and writes the totals' audit rows and the v1.customer.updated event naming the metrics that
 * changed. One statement commits whole or not at all, like a transaction of five.
 *
 * Idempotent on (business, source, external_ref): the unique index purchases_external_key with
 * ON CONFLICT DO NOTHING lets one of any number of racing requests insert; the others wait for it
 * to commit, insert nothing, and answer the first purchase (recorded: false), changing nothing.
 */
import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { executePrepared } from "@/db/prepared";
import { businesses, crmCustomers, purchases } from "@/db/schema";
import { auditInsert, auditTimestamp } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { customerUpdated, lockLiveRecord, RECORD_NOT_FOUND } from "@/lib/crm/record";
import { FREQUENCY_TIERS, purchaseMetrics, REPEAT_AT } from "@/lib/crm/metrics";
import { eventInsert } from "@/lib/events/outbox";
import { notFound, unprocessable } from "@/lib/errors";
import { purchaseRecordedDto, type PurchaseRecordedDto } from "./dto";
import type { RecordPurchaseInput } from "./inputs";
import type { RecordParams } from "@/lib/crm/inputs";
import { toPurchaseDto, type PurchaseRow } from "./rows";

type Nullable<T> = { [K in keyof T]: T[K] | null };
type PurchaseStatementRow = { deleted: boolean } & (InsertedRow | Nullable<InsertedRow>);

/** The purchase the statement inserted (its business is the path's), with the record's new totals. */
type InsertedRow = Omit<PurchaseRow, "business_id"> & {
  purchase_count: number;
  total_spent_minor: string | number;
  total_items_bought: number;
  first_purchase_at: Date | string | null;
  last_purchase_at: Date | string | null;
};

/**
 * The metrics every purchase changes (its amount and items are at least 1); the statement adds
 * those that depend on the totals before it (metricsMoved).
 */
const ALWAYS_CHANGED = ["total_purchases", "total_spent", "total_items_bought", "customer_lifetime_value"];

/** The tier a purchase count is in, as SQL: how many of the tiers' thresholds it has reached. */
const tierOf = (count: SQL) =>
  sql`width_bucket(${count}, array[${sql.raw(FREQUENCY_TIERS.map((t) => t.from).join(","))}])`;

/** The seed's names of the metrics whose values differ between the record's totals r and u, as a jsonb array. */
const metricsMoved = sql`to_jsonb(array_remove(array[
  case when (case when r.purchase_count = 0 then 0 else round(r.total_spent_minor::numeric / r.purchase_count) end)
         <> round(u.total_spent_minor::numeric / u.purchase_count) then 'avg_transaction_value' end,
  case when r.first_purchase_at is distinct from u.first_purchase_at then 'first_purchase_date' end,
  case when r.last_purchase_at is distinct from u.last_purchase_at then 'last_purchase_date' end,
  case when (r.purchase_count >= ${sql.raw(String(REPEAT_AT))}) <> (u.purchase_count >= ${sql.raw(String(REPEAT_AT))})
       then 'is_repeat_customer' end,
  case when ${tierOf(sql`r.purchase_count`)} <> ${tierOf(sql`u.purchase_count`)} then 'repeat_frequency' end
], null))`;

export async function recordPurchase(
  db: Database,
  actor: Actor,
  { businessId, customerId }: RecordParams,
  input: RecordPurchaseInput,
): Promise<PurchaseRecordedDto> {
  const { user } = requireCrm(actor, businessId, "crm.purchases");
  const entity = { type: "crm_customer", id: customerId };
  const event = customerUpdated(customerId, ALWAYS_CHANGED, new Date(), user);
  const rows = await executePrepared<PurchaseStatementRow>(
    db,
    "crm_record_purchase",
    sql`
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
      returning id, business_id, crm_customer_id, amount_minor, currency, items, description, source, external_ref,
                purchased_at, created_at
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
    ), audited as (
      ${auditInsert(
        user,
        { businessId, entity, action: "purchase" },
        sql`
        select f.* from r join u on u.id = r.id cross join lateral (values
          ('purchaseCount', to_jsonb(r.purchase_count), to_jsonb(u.purchase_count)),
          ('totalSpentMinor', to_jsonb(r.total_spent_minor), to_jsonb(u.total_spent_minor)),
          ('totalItemsBought', to_jsonb(r.total_items_bought), to_jsonb(u.total_items_bought)),
          ('firstPurchaseAt', ${auditTimestamp(sql`r.first_purchase_at`)}, ${auditTimestamp(sql`u.first_purchase_at`)}),
          ('lastPurchaseAt', ${auditTimestamp(sql`r.last_purchase_at`)}, ${auditTimestamp(sql`u.last_purchase_at`)})
        ) f`,
      )}
    ), announced as (
      ${eventInsert(
        { ...event, businessId },
        sql`r join u on u.id = r.id`,
        (payload) =>
          sql`jsonb_set(${payload}, '{fields_changed}', (${payload} -> 'fields_changed') || ${metricsMoved})`,
      )}
    )
    select r.deleted_at is not null as deleted,
           p.id, p.crm_customer_id, p.amount_minor, p.currency, p.items, p.description, p.source, p.external_ref,
           p.purchased_at, p.created_at, u.purchase_count, u.total_spent_minor, u.total_items_bought,
           u.first_purchase_at, u.last_purchase_at
    from r left join p on true left join u on u.id = p.crm_customer_id`,
  );
  const row = rows[0];
  // Not this business's record, or deleted: lockLiveRecord says which, in its words.
  if (!row || row.deleted) {
    await lockLiveRecord(db, businessId, customerId);
    throw new Error("lockLiveRecord let a missing or deleted record through");
  }
  if (row.id === null) return answerUnrecorded(db, businessId, input);
  if (row.purchase_count === null) throw new Error("A purchase was inserted but its record's totals were not updated");
  const inserted = row as PurchaseStatementRow & InsertedRow;
  return purchaseRecordedDto.parse({
    purchase: toPurchaseDto({ ...inserted, business_id: businessId }),
    recorded: true,
    metrics: purchaseMetrics(
      {
        purchaseCount: Number(inserted.purchase_count),
        totalSpentMinor: Number(inserted.total_spent_minor),
        totalItemsBought: Number(inserted.total_items_bought),
        firstPurchaseAt: inserted.first_purchase_at,
        lastPurchaseAt: inserted.last_purchase_at,
      },
      inserted.currency,
    ),
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
