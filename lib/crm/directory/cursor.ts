/**
 * Opaque cursors of the directory's pages: base64url JSON of the last row's sort key and id, tagged
 * with what orders the page (the list's sort and direction; a hash of the search query and the
 * match rank), checked strictly when one comes back. A cursor of another order or another query
 * would position the page wrongly, so it is a 400 asking to start again.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { invalidCursor, isMicrosInstant } from "@/lib/http/keyset";
import { id } from "@/lib/inputs";
import { DIRECTORY_SORTS, SORT_DIRECTIONS, type DirectorySort, type SortDirection } from "./inputs";

const instant = z.string().refine(isMicrosInstant);
const name = z.string().max(1000);
const minor = z.int().nonnegative();

/** Each sort's key: a name, a microsecond instant, an amount; last_purchase is null for never. */
const KEYS: Record<DirectorySort, z.ZodType> = {
  name,
  created: instant,
  last_purchase: instant.nullable(),
  total_spent: minor,
};

const listPosition = z.strictObject({
  s: z.enum(DIRECTORY_SORTS),
  d: z.enum(SORT_DIRECTIONS),
  k: z.union([z.string(), z.number(), z.null()]),
  i: id(),
});
export type ListPosition = { sort: DirectorySort; direction: SortDirection; key: string | number | null; id: string };

const searchPosition = z.strictObject({ h: z.string().length(12), r: z.int().min(0).max(9), k: name, i: id() });
export type SearchPosition = { rank: number; key: string; id: string };

const repeatPosition = z.strictObject({ k: minor, i: id() });
export type RepeatPosition = { spent: number; id: string };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

function decode<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // not base64url JSON: refused below
  }
  throw invalidCursor();
}

export const encodeListCursor = (p: ListPosition) => encode({ s: p.sort, d: p.direction, k: p.key, i: p.id });

/** The position in the list ordered by `sort` and `direction`; a cursor of another order is refused. */
export function decodeListCursor(cursor: string, sort: DirectorySort, direction: SortDirection): ListPosition {
  const p = decode(cursor, listPosition);
  if (p.s !== sort || p.d !== direction || !KEYS[sort].safeParse(p.k).success) throw invalidCursor();
  return { sort, direction, key: p.k, id: p.i };
}

/** A short fingerprint of the normalised query: a cursor of another search is refused. */
const queryHash = (q: string) => createHash("sha256").update(q).digest("base64url").slice(0, 12);

export const encodeSearchCursor = (q: string, p: SearchPosition) =>
  encode({ h: queryHash(q), r: p.rank, k: p.key, i: p.id });

export function decodeSearchCursor(cursor: string, q: string): SearchPosition {
  const p = decode(cursor, searchPosition);
  if (p.h !== queryHash(q)) throw invalidCursor();
  return { rank: p.r, key: p.k, id: p.i };
}

export const encodeRepeatCursor = (p: RepeatPosition) => encode({ k: p.spent, i: p.id });

export function decodeRepeatCursor(cursor: string): RepeatPosition {
  const p = decode(cursor, repeatPosition);
  return { spent: p.k, id: p.i };
}
