/**
 * Orders as the Stripe webhooks would have left them: a snapshot per PaymentIntent in every
 * status, and the processed stripe_events that produced it (the snapshot's last_source is the
 * id of its newest event, or "reconcile" when the scheduled reconciliation wrote last).
 */
import type { OrderLineItem } from "@/db/schema";
import { addMinutes, daysBefore } from "@/lib/seed/catalog";
import type { CustomerRef, People } from "./people";
import { maxDate, minDate } from "./marketplace";
import { newId, type Ctx } from "./world";

type OrderStatus = "pending" | "processing" | "paid" | "failed" | "canceled" | "refunded" | "partially_refunded";

const PRODUCTS = [
  { description: "Clientele Plus membership (monthly)", unitMinor: 999 },
  { description: "Gift card", unitMinor: 5000 },
  { description: "Gift card", unitMinor: 2500 },
  { description: "Home cleaning supply kit", unitMinor: 3499 },
  { description: "Garden starter pack", unitMinor: 4599 },
  { description: "Smart plug (2-pack)", unitMinor: 2999 },
  { description: "Priority booking pass", unitMinor: 1499 },
  { description: "Pet care bundle", unitMinor: 2299 },
  { description: "Microfibre cloths (10)", unitMinor: 1299 },
] as const;

/** The Stripe events that lead to each status, oldest first. */
const EVENTS: Record<OrderStatus, string[]> = {
  pending: ["payment_intent.created"],
  processing: ["payment_intent.created", "payment_intent.processing"],
  paid: ["payment_intent.created", "payment_intent.succeeded"],
  failed: ["payment_intent.created", "payment_intent.payment_failed"],
  canceled: ["payment_intent.created", "payment_intent.canceled"],
  refunded: ["payment_intent.created", "payment_intent.succeeded", "charge.refunded"],
  partially_refunded: ["payment_intent.created", "payment_intent.succeeded", "charge.refunded"],
};

const ALL_STATUSES: OrderStatus[] = [
  "paid",
  "refunded",
  "partially_refunded",
  "failed",
  "canceled",
  "processing",
  "pending",
];

export function buildOrders(ctx: Ctx, people: People) {
  const { faker } = ctx;
  // Alice has one order in every status first, then a run of paid ones; two are in EUR.
  const alice: OrderStatus[] = [...ALL_STATUSES, "paid", "paid", "paid", "paid", "paid"];
  alice.forEach((status, i) => addOrder(ctx, people.alice, status, i === 3 || i === 8 ? "EUR" : "USD"));
  (["paid", "paid", "refunded"] as const).forEach((status) => addOrder(ctx, people.bob, status, "USD"));
  (["paid", "failed"] as const).forEach((status) => addOrder(ctx, people.carol, status, "USD"));

  for (const customer of people.generated) {
    if (!faker.datatype.boolean(0.4)) continue;
    const count = faker.number.int({ min: 1, max: 3 });
    for (let i = 0; i < count; i++) {
      const status = faker.helpers.weightedArrayElement([
        { weight: 65, value: "paid" as const },
        { weight: 5, value: "processing" as const },
        { weight: 4, value: "pending" as const },
        { weight: 9, value: "failed" as const },
        { weight: 5, value: "canceled" as const },
        { weight: 6, value: "refunded" as const },
        { weight: 6, value: "partially_refunded" as const },
      ]);
      addOrder(ctx, customer, status, faker.datatype.boolean(0.15) ? "EUR" : "USD");
    }
  }
}

function addOrder(ctx: Ctx, customer: CustomerRef, status: OrderStatus, currency: "USD" | "EUR") {
  const { faker, world, anchor } = ctx;
  customer.row.stripeCustomerId ??= `cus_${faker.string.alphanumeric(14)}`;

  const lines: OrderLineItem[] = faker.helpers
    .arrayElements(PRODUCTS, faker.number.int({ min: 1, max: 3 }))
    .map((p) => {
      const quantity = faker.datatype.boolean(0.2) ? 2 : 1;
      // amountMinor is the line total (Stripe's amount_total), so the lines sum to the order amount.
      return { description: p.description, quantity, amountMinor: p.unitMinor * quantity };
    });
  const amountMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);

  // Payments still in flight are recent; settled ones anywhere in the customer's lifetime.
  const recent = status === "pending" || status === "processing";
  const placedAt = recent
    ? faker.date.between({ from: daysBefore(2), to: addMinutes(anchor, -30) })
    : faker.date.between({ from: maxDate(customer.createdAt, daysBefore(600)), to: daysBefore(3) });

  let at = placedAt;
  const events = EVENTS[status].map((type, i) => {
    if (i > 0)
      at = minDate(
        addMinutes(
          at,
          type === "charge.refunded"
            ? faker.number.int({ min: 2880, max: 20_000 })
            : faker.number.int({ min: 1, max: 5 }),
        ),
        anchor,
      );
    return { id: `evt_${faker.string.alphanumeric(24)}`, type, stripeCreatedAt: at };
  });
  for (const e of events) {
    world.stripeEvents.push({
      id: e.id,
      type: e.type,
      stripeCreatedAt: e.stripeCreatedAt,
      attempts: faker.datatype.boolean(0.1) ? 2 : 1,
      processedAt: new Date(e.stripeCreatedAt.getTime() + faker.number.int({ min: 300, max: 4000 })),
    });
  }
  const last = events[events.length - 1]!;
  const refunded =
    status === "refunded" ? amountMinor : status === "partially_refunded" ? Math.round(amountMinor * 0.4) : 0;
  const settled = status === "paid" || status === "refunded" || status === "partially_refunded";
  const reconciled = faker.datatype.boolean(0.2);
  const updatedAt = reconciled ? minDate(addMinutes(last.stripeCreatedAt, 60), anchor) : last.stripeCreatedAt;

  world.orderSnapshots.push({
    id: newId(),
    customerId: customer.id,
    stripeObjectId: `pi_3${faker.string.alphanumeric(23)}`,
    stripeCustomerId: customer.row.stripeCustomerId,
    status,
    amountMinor,
    amountRefundedMinor: refunded,
    currency,
    description: lines.length > 1 ? `${lines[0]!.description} and ${lines.length - 1} more` : lines[0]!.description,
    lineItems: lines,
    receiptUrl: settled ? `https://pay.stripe.com/receipts/payment/${faker.string.alphanumeric(40)}` : null,
    placedAt,
    stripeUpdatedAt: last.stripeCreatedAt,
    lastSource: reconciled ? "reconcile" : last.id,
    createdAt: placedAt,
    updatedAt,
  });
}
