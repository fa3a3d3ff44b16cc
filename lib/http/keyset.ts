/**
 * Shared parts of keyset page cursors. Times are kept to the microsecond as Postgres stores them:
 * a JS Date has milliseconds only, and rows written in one millisecond (or one transaction) would
 * be skipped or repeated across pages.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { badRequest } from "@/lib/errors";

/** A timestamptz in the cursors' text form: UTC, six fractional digits. */
export const MICROS_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The SQL giving a timestamptz column in that text form. */
export const microsText = (column: SQLWrapper): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A cursor this API did not issue (or one made unreadable): 400, start again. */
export const invalidCursor = () =>
  badRequest("That page cursor is not valid. Start again from the first page.", { cursor: ["Not a cursor from this API."] });
