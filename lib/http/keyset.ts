/**
 * Shared parts of keyset pages: the opaque cursor, the condition that resumes after it, and the
 * page cut from a read of one row more than it shows. Times are kept to the microsecond as
 * Postgres stores them: a JS Date has milliseconds only, and rows written in one millisecond (or
 * one transaction) would be skipped or repeated across pages.
 */
import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { id } from "@/lib/inputs";

/**
 * A cursor's time: a timestamptz in the cursors' text form (UTC, six fractional digits) that
 * Postgres takes as an instant. zod's datetime checks the calendar and the clock (no 2026-02-30,
 * no month 13, no 24:00, no leap second); Postgres has no year 0. The shape alone let
 * `2026-99-99T99:99:99.000000Z` through to `::timestamptz`, which failed the query; a cursor is only
 * checked here, so such a cursor is a 400, never a 500.
 */
const microsInstant = z.iso.datetime({ precision: 6 }).refine((t) => !t.startsWith("0000-"));

export const isMicrosInstant = (text: string): boolean => microsInstant.safeParse(text).success;

/** The SQL giving a timestamptz column in that text form. */
export const microsText = (column: SQLWrapper): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A cursor this API did not issue (or one made unreadable): 400, start again. */
export const invalidCursor = () =>
  badRequest("That page cursor is not valid. Start again from the first page.", {
    cursor: ["Not a cursor from this API."],
  });

/** Where a page ends: its last row's time (microsecond text) and id. */
export type KeysetPosition = { t: string; i: string };

type DecodeOptions<Position> = {
  /** The tag fields the cursor must carry (the list, order or thread being read). */
  expected?: Partial<Omit<Position, keyof KeysetPosition>>;
  refuse?: () => Error;
  mismatch?: (found: Position) => Error;
};

/**
 * The cursors of one list: base64url JSON of the last row's position plus the list's `extra`
 * fields (which list, order or thread the cursor belongs to; a sort key), checked strictly when
 * one comes back. Clients only pass cursors back, so the format may change.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- zod's own default for "no extra fields"
export function keysetCursor<Extra extends z.core.$ZodLooseShape = {}>(extra: Extra = {} as Extra) {
  const position = z.strictObject({ ...extra, t: microsInstant, i: id() });
  type Position = z.output<typeof position>;
  return {
    encode: (p: Position): string => Buffer.from(JSON.stringify(p), "utf8").toString("base64url"),
    /**
     * The position; anything else (not base64url JSON, a millisecond time, an impossible date, a
     * field too many) throws
     * `refuse()`. A cursor whose tag fields differ from `expected` (one of another list, order or
     * thread, which would position the page wrongly) throws `mismatch(position)`, by default `refuse()`.
     */
    decode(
      cursor: string,
      { expected = {}, refuse = invalidCursor, mismatch = refuse }: DecodeOptions<Position> = {},
    ): Position {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      } catch {
        throw refuse();
      }
      const parsed = position.safeParse(json);
      if (!parsed.success) throw refuse();
      const found: Record<string, unknown> = parsed.data;
      if (Object.entries(expected).some(([field, value]) => found[field] !== value)) throw mismatch(parsed.data);
      return parsed.data;
    },
  };
}

/**
 * The rows after `position` in (time desc, id desc) order, as one row comparison: the form an
 * index on the time serves as a range that starts at the cursor. Null: from the first row.
 */
export function olderThan(position: KeysetPosition, time: SQLWrapper, id: SQLWrapper): SQL;
export function olderThan(position: KeysetPosition | null, time: SQLWrapper, id: SQLWrapper): SQL | undefined;
export function olderThan(position: KeysetPosition | null, time: SQLWrapper, id: SQLWrapper): SQL | undefined {
  return position ? sql`(${time}, ${id}) < (${position.t}::timestamptz, ${position.i}::uuid)` : undefined;
}

/** How a keyset page says whether another follows. */
export const keysetPagination = z
  .strictObject({
    has_more: z.boolean(),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    limit: z.int(),
  })
  .meta({ id: "Pagination" });
export type KeysetPagination = z.infer<typeof keysetPagination>;

/**
 * The page from `rows`, read with `limit + 1`: the first `limit`, and the cursor of the page's
 * last row when the extra row shows that more follow.
 */
export function keysetPage<Row>(
  rows: Row[],
  limit: number,
  cursorOf: (last: Row) => string,
): { page: Row[]; pagination: KeysetPagination } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit && last !== undefined;
  return { page, pagination: { has_more: hasMore, next_cursor: hasMore ? cursorOf(last) : null, limit } };
}
