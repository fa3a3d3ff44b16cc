/**
 * What the customer directory accepts: the list of a business's records (filters, sort, keyset
 * pages), the search, and the repeat customers. The business is in the path. Zod only: the pages
 * import these types.
 */
import { z } from "zod";
import { customerType } from "@/db/schema";
import { pageLimit } from "@/lib/http/page-query";
import { id } from "@/lib/inputs";
import { frequencyTier } from "@/lib/crm/metrics";

export const DIRECTORY_PAGE_DEFAULT = 25;
export const DIRECTORY_PAGE_MAX = 100;

/** Shortest and longest search, after trimming. */
export const SEARCH_MIN = 1;
export const SEARCH_MAX = 100;
/**
 * Queries shorter than this match where a word starts (the name's start, a later word of the name)
 * and nothing else: a one- or two-letter substring matches most names and says nothing, and
 * trigrams (three characters) cannot index it. From this length on, substrings of the name, the
 * email and (with this many digits) the phone's digits match too.
 */
export const SUBSTRING_FROM = 3;

export const DIRECTORY_SORTS = ["name", "created", "last_purchase", "total_spent"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Each sort's direction when none is given: names A-Z, everything else largest or newest first. */
export const DEFAULT_DIRECTION: Record<DirectorySort, SortDirection> = {
  name: "asc",
  created: "desc",
  last_purchase: "desc",
  total_spent: "desc",
};

const limit = pageLimit(DIRECTORY_PAGE_MAX, DIRECTORY_PAGE_DEFAULT, "Customers");
/** A cursor carries the last row's sort key (a name, for the name sort and the search), so it may be longer than most. */
const pageCursor = (description: string) => z.string().max(2000).optional().meta({ description });
const cursor = pageCursor(
  "The `next_cursor` of the previous page, with the same sort and direction; omit for the first page.",
);

/** A true/false query parameter. */
const flag = (message: string) => z.enum(["true", "false"], message).transform((v) => v === "true");

export const customerListQuery = z.object({
  customer_type: z
    .enum(customerType.enumValues, `Choose one of ${customerType.enumValues.join(", ")}.`)
    .optional()
    .meta({ description: "Only records of this customer type." }),
  tag: id("Choose a tag by its id.").optional().meta({ description: "Only records carrying this tag (its id)." }),
  tier: frequencyTier
    .optional()
    .meta({ description: "Only records in this loyalty tier (by purchase count, as the metrics card shows it)." }),
  active: flag("Write true or false.")
    .default(true)
    .meta({ description: "true (default): live records; false: soft-deleted records only." }),
  repeat: flag("Write true or false.")
    .optional()
    .meta({ description: "true: repeat customers only (2+ purchases); false: everyone else." }),
  sort: z
    .enum(DIRECTORY_SORTS, "Sort by name, created, last_purchase or total_spent.")
    .default("created")
    .meta({ description: "The order (default created). Records that never purchased sort last by last_purchase." }),
  direction: z
    .enum(SORT_DIRECTIONS, "Write asc or desc.")
    .optional()
    .meta({ description: "asc or desc; default asc for name and desc for the others." }),
  limit,
  cursor,
});
export type CustomerListQuery = z.output<typeof customerListQuery>;

const SEARCH_MESSAGE = `Type 1 to ${SEARCH_MAX} characters to search.`;

export const customerSearchQuery = z.object({
  q: z
    .string(SEARCH_MESSAGE)
    .trim()
    .min(SEARCH_MIN, SEARCH_MESSAGE)
    .max(SEARCH_MAX, SEARCH_MESSAGE)
    .refine((q) => !q.includes("\u0000"), "Remove the NUL character (\\u0000): text cannot contain it.")
    .meta({
      description:
        `Part of a name, an email or a phone number (1-${SEARCH_MAX} characters; a phone is matched on its digits, ` +
        `so "555 12", "(555)" or "555-12" all work). Fewer than ${SUBSTRING_FROM} characters match where a word ` +
        "of the name starts only.",
    }),
  limit,
  cursor: pageCursor("The `next_cursor` of the previous page of the same search; omit for the first page."),
});
export type CustomerSearchQuery = z.output<typeof customerSearchQuery>;

export const repeatCustomersQuery = z.object({ limit, cursor });
export type RepeatCustomersQuery = z.output<typeof repeatCustomersQuery>;
