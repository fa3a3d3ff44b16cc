/**
 * Orders as Stripe last told us about them (webhooks plus scheduled reconciliation), and the
 * Stripe events already processed, so a retried or duplicated event has no second effect.
 */
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { amountMinor, at, createdAt, currency, id, newestFirst, updatedAt } from "./columns";
import { customers } from "./customers";

export const orderStatus = pgEnum("order_status", [
  "pending",
  "processing",
  "paid",
  "failed",
  "canceled",
  "refunded",
  "partially_refunded",
]);

export type OrderLineItem = { description: string; quantity: number; amountMinor: number };

export const orderSnapshots = pgTable(
  "order_snapshots",
  {
    id: id(),
    customerId: uuid().references(() => customers.id, { onDelete: "set null" }),
    /** The Stripe object this order mirrors (a PaymentIntent or Checkout Session id). */
    stripeObjectId: text().notNull(),
    stripeCustomerId: text(),
    status: orderStatus().notNull(),
    amountMinor: amountMinor().notNull(),
    amountRefundedMinor: amountMinor().notNull().default(0),
    currency: currency().notNull(),
    description: text(),
    lineItems: jsonb().$type<OrderLineItem[]>().notNull().default([]),
    receiptUrl: text(),
    /** When Stripe created the object. */
    placedAt: at().notNull(),
    /** The newest Stripe event (its `created`) applied; an older event never overwrites this state. */
    stripeUpdatedAt: at().notNull(),
    /** Which source last wrote: a webhook event id or "reconcile". */
    lastSource: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("order_snapshots_stripe_key").on(t.stripeObjectId),
    index("order_snapshots_customer_idx").on(t.customerId, newestFirst(t.placedAt), newestFirst(t.id)),
  ],
);

export const stripeEvents = pgTable("stripe_events", {
  /** Stripe's event id (evt_...). */
  id: text().primaryKey(),
  type: text().notNull(),
  /** Stripe's `created`, to order events that arrive out of order. */
  stripeCreatedAt: at().notNull(),
  attempts: integer().notNull().default(1),
  processedAt: createdAt(),
});
