/**
 * What the purchases, metrics, stats and history routes accept. A record is named by its business
 * and its id together (the path /api/customers/{businessId}/{customerId}/…), as every CRM route.
 */
import { z } from "zod";
import { optionalText, plainText } from "@/lib/inputs";
import { pageCursor, pageLimit } from "@/lib/http/page-query";

export const PURCHASE_SOURCES = ["pos", "online", "import"] as const;
export type PurchaseSource = (typeof PURCHASE_SOURCES)[number];

/** A purchase may be dated a little ahead of our clock (a till's clock runs fast), never more. */
export const PURCHASE_CLOCK_SKEW_MS = 5 * 60_000;

/** The largest amount one sale may carry: far above any real sale, far below bigint and float limits. */
export const MAX_PURCHASE_MINOR = 10_000_000_000;

const amountMessage = "The amount is a whole number of minor units (cents), greater than 0.";

export const recordPurchaseInput = z.object({
  amount_minor: z
    .int(amountMessage)
    .min(1, amountMessage)
    .max(MAX_PURCHASE_MINOR, `At most ${MAX_PURCHASE_MINOR} minor units in one purchase.`)
    .meta({ description: "The sale's total in minor units (cents), greater than 0.", example: 1250 }),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, "A currency is a 3-letter ISO 4217 code, such as USD.")
    .overwrite((s) => s.toUpperCase())
    .optional()
    .meta({
      description: "ISO 4217; must be the business's currency (422 currency_mismatch). Default: that currency.",
    }),
  items: z
    .int("Items is a whole number of at least 1.")
    .min(1, "Items is a whole number of at least 1.")
    .max(100_000, "At most 100000 items in one purchase.")
    .default(1)
    .meta({ description: "How many items the sale was (default 1)." }),
  description: optionalText(500),
  purchased_at: z.iso
    .datetime({ offset: true, message: "A time in ISO 8601 with its offset, such as 2026-07-10T14:30:00Z." })
    .refine((t) => Date.parse(t) <= Date.now() + PURCHASE_CLOCK_SKEW_MS, "A purchase cannot be in the future.")
    .refine((t) => Date.parse(t) >= Date.UTC(1970, 0, 1), "A purchase cannot be before 1970.")
    .optional()
    .meta({ description: "When the sale happened (default: now); at most 5 minutes ahead of the server's clock." }),
  source: z
    .enum(PURCHASE_SOURCES, "Choose pos, online or import.")
    .default("pos")
    .meta({ description: "Where the sale was made (default pos)." }),
  external_ref: plainText(200).min(1, "An external reference has 1 to 200 characters.").optional().meta({
    description:
      "The sale's id in its source (a till receipt, an order number). A purchase whose (source, external_ref) is already recorded is not recorded again: the answer is the first one, with 200.",
  }),
});
export type RecordPurchaseInput = z.output<typeof recordPurchaseInput>;

export const HISTORY_PAGE_DEFAULT = 20;
export const HISTORY_PAGE_MAX = 100;

export const historyQuery = z.object({
  limit: pageLimit(HISTORY_PAGE_MAX, HISTORY_PAGE_DEFAULT, "Entries"),
  cursor: pageCursor(),
});
export type HistoryQuery = z.output<typeof historyQuery>;
