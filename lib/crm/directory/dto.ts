/**
 * What the customer directory answers: a page of record summaries (the seeds' field names), each
 * with its tags and purchase figures; a search result also says which field matched and where, so
 * the page can highlight it.
 */
import { z } from "zod";
import { customerType } from "@/db/schema";
import { at } from "@/lib/dto";
import { keysetPagination } from "@/lib/http/keyset";
import { frequencyTier } from "@/lib/crm/metrics";

export const directoryTagDto = z
  .strictObject({ id: z.uuid(), label: z.string(), color: z.string() })
  .meta({ id: "CustomerTagChip" });

export const customerSummaryDto = z
  .strictObject({
    id: z.uuid(),
    full_name: z.string(),
    name: z.string().meta({ description: "The same as full_name (the 003 seed's field name)." }),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    customer_type: z.enum(customerType.enumValues),
    is_active: z.boolean().meta({ description: "false for a soft-deleted record." }),
    avatar_url: z.string().nullable(),
    tags: z.array(directoryTagDto),
    total_purchases: z.int().nonnegative(),
    total_spent_minor: z.int().nonnegative(),
    total_spent: z.number().nonnegative(),
    currency: z.string().length(3),
    last_purchase_at: at.nullable(),
    repeat_frequency: frequencyTier.nullable(),
    created_at: at,
  })
  .meta({ id: "CustomerSummary" });
export type CustomerSummaryDto = z.infer<typeof customerSummaryDto>;

export const MATCH_FIELDS = ["name", "email", "phone"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** A matched stretch of a field's text, as UTF-16 offsets: [start, end). */
export const matchRangeDto = z.strictObject({ start: z.int().nonnegative(), end: z.int().nonnegative() });
export type MatchRange = z.infer<typeof matchRangeDto>;

export const searchMatchDto = z
  .strictObject({
    field: z.enum(MATCH_FIELDS).meta({ description: "The field the record was found by (its best match)." }),
    ranges: z.array(matchRangeDto).meta({
      description:
        "Where the query occurs in that field's value as returned (UTF-16 offsets, end exclusive); for a phone, " +
        "the stretch from the first to the last matched digit.",
    }),
  })
  .meta({ id: "CustomerSearchMatch" });
export type SearchMatchDto = z.infer<typeof searchMatchDto>;

export const customerSearchItemDto = customerSummaryDto
  .extend({ match: searchMatchDto })
  .meta({ id: "CustomerSearchResult" });
export type CustomerSearchItemDto = z.infer<typeof customerSearchItemDto>;

export const customerPageDto = z
  .strictObject({ customers: z.array(customerSummaryDto), pagination: keysetPagination })
  .meta({ id: "CustomerPage" });
export type CustomerPageDto = z.infer<typeof customerPageDto>;

export const customerSearchPageDto = z
  .strictObject({ q: z.string(), customers: z.array(customerSearchItemDto), pagination: keysetPagination })
  .meta({ id: "CustomerSearchPage" });
export type CustomerSearchPageDto = z.infer<typeof customerSearchPageDto>;
