/**
 * The query parameters every paged list shares, worded alike in errors and in the OpenAPI document.
 * Zod only, so input modules that client components import types from stay free of server code.
 */
import { z } from "zod";

/** A list's `limit` query parameter: a whole number from 1 to `max`, `fallback` when omitted. */
export function pageLimit(max: number, fallback: number, items = "Items") {
  const message = `The limit is a whole number from 1 to ${max}.`;
  return z.coerce
    .number(message)
    .int(message)
    .min(1, message)
    .max(max, message)
    .default(fallback)
    .meta({ description: `${items} per page (1-${max}, default ${fallback}).` });
}

/** A list's cursor query parameter: a `next_cursor` this API issued, passed back as it came. */
export function pageCursor(description = "The `next_cursor` of the previous page; omit for the first page.") {
  return z.string().max(400).optional().meta({ description });
}
