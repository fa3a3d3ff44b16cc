/**
 * What the customer's profile routes accept: a visibility, and a page of who viewed the profile.
 */
import { z } from "zod";
import { providerVisibility } from "@/db/schema";
import { pageCursor, pageLimit } from "@/lib/http/page-query";

export const providerVisibilityInput = z.object({
  visibility: z.enum(providerVisibility.enumValues, "Choose public, restricted or private."),
});
export type ProviderVisibilityInput = z.output<typeof providerVisibilityInput>;

export const VIEWS_PAGE_DEFAULT = 20;
export const VIEWS_PAGE_MAX = 50;
export const viewsQuery = z.object({
  limit: pageLimit(VIEWS_PAGE_MAX, VIEWS_PAGE_DEFAULT, "Views"),
  cursor: pageCursor("The `next_cursor` of the previous page; omit for the first page."),
});
export type ViewsQuery = z.output<typeof viewsQuery>;
