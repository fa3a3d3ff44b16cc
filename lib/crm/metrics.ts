/**
 * A record's purchase metrics and loyalty tier, in the seed's field names, computed from the
 * running totals kept on the record (crm_customers: purchase_count, total_spent_minor,
 * total_items_bought, first/last_purchase_at) in the same transaction as each purchase. What
 * depends on today (days_since_last_purchase) is computed here, at read time, never stored.
 *
 * The loyalty thresholds live here and only here: the tier filter of the customer list turns them
 * into a purchase-count range (tierRange), the metrics card reads frequencyOf.
 */
import { z } from "zod";
import { at, iso } from "@/lib/dto";

/** A customer is a repeat customer from this many purchases on. */
export const REPEAT_AT = 2;

/** Loyalty tiers by number of purchases, lowest first: each starts at `from` and runs to the next. */
export const FREQUENCY_TIERS = [
  { tier: "one_time", from: 1 },
  { tier: "occasional", from: 2 },
  { tier: "regular", from: 5 },
  { tier: "frequent", from: 10 },
] as const;

export type FrequencyTier = (typeof FREQUENCY_TIERS)[number]["tier"];
export const frequencyTier = z.enum(FREQUENCY_TIERS.map((t) => t.tier) as [FrequencyTier, ...FrequencyTier[]]);

/** The tier of a customer with `purchases` purchases; null before the first. */
export function frequencyOf(purchases: number): FrequencyTier | null {
  let found: FrequencyTier | null = null;
  for (const { tier, from } of FREQUENCY_TIERS) if (purchases >= from) found = tier;
  return found;
}

/** The purchase counts of a tier, for a WHERE clause: [from, to) with `to` null for the top tier. */
export function tierRange(tier: FrequencyTier): { from: number; to: number | null } {
  const i = FREQUENCY_TIERS.findIndex((t) => t.tier === tier);
  return { from: FREQUENCY_TIERS[i]!.from, to: FREQUENCY_TIERS[i + 1]?.from ?? null };
}

/** Minor units as the decimal amount a seed shows beside them (2750.00 for 275000 USD), by the currency's digits. */
export function decimalOf(minor: number, currency: string): number {
  return minor / 10 ** fractionDigitsOf(currency);
}

// Per currency, once: a NumberFormat is costly to build, and every amount in a response needs it.
const fractionDigits = new Map<string, number>();
function fractionDigitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  return digits;
}

const minor = z.number().int().nonnegative();
const decimal = z.number().nonnegative();
const date = z.iso.date();

export const purchaseMetricsDto = z.strictObject({
  currency: z.string().length(3),
  total_purchases: z.number().int().nonnegative(),
  total_spent_minor: minor,
  total_spent: decimal,
  total_items_bought: z.number().int().nonnegative(),
  /** Rounded half up to the minor unit. */
  avg_transaction_value_minor: minor,
  avg_transaction_value: decimal,
  first_purchase_date: date.nullable(),
  last_purchase_date: date.nullable(),
  first_purchase_at: at.nullable(),
  last_purchase_at: at.nullable(),
  /** Whole days from the last purchase to now (UTC); null before the first purchase. */
  days_since_last_purchase: z.number().int().nonnegative().nullable(),
  is_repeat_customer: z.boolean(),
  repeat_frequency: frequencyTier.nullable(),
  /** Everything the customer has spent with the business so far (realised lifetime value). */
  customer_lifetime_value_minor: minor,
  customer_lifetime_value: decimal,
});
export type PurchaseMetricsDto = z.infer<typeof purchaseMetricsDto>;

/** The running totals a record keeps (crm_customers). */
export type PurchaseTotals = {
  purchaseCount: number;
  totalSpentMinor: number;
  totalItemsBought: number;
  firstPurchaseAt: Date | string | null;
  lastPurchaseAt: Date | string | null;
};

const DAY_MS = 86_400_000;

export function purchaseMetrics(totals: PurchaseTotals, currency: string, now = new Date()): PurchaseMetricsDto {
  const count = totals.purchaseCount;
  const spent = Number(totals.totalSpentMinor);
  const avg = count === 0 ? 0 : Math.round(spent / count);
  const first = iso(totals.firstPurchaseAt);
  const last = iso(totals.lastPurchaseAt);
  return purchaseMetricsDto.parse({
    currency,
    total_purchases: count,
    total_spent_minor: spent,
    total_spent: decimalOf(spent, currency),
    total_items_bought: totals.totalItemsBought,
    avg_transaction_value_minor: avg,
    avg_transaction_value: decimalOf(avg, currency),
    first_purchase_date: first?.slice(0, 10) ?? null,
    last_purchase_date: last?.slice(0, 10) ?? null,
    first_purchase_at: first,
    last_purchase_at: last,
    days_since_last_purchase:
      last === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(last)) / DAY_MS)),
    is_repeat_customer: count >= REPEAT_AT,
    repeat_frequency: frequencyOf(count),
    customer_lifetime_value_minor: spent,
    customer_lifetime_value: decimalOf(spent, currency),
  });
}
