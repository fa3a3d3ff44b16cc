/** Column helpers shared by every table: unguessable ids, UTC times, money in minor units. */
import { bigint, char, timestamp, uuid, type ExtraConfigColumn } from "drizzle-orm/pg-core";

/** Random UUIDv4: ids appear in URLs and must not be guessable or enumerable. */
export const id = () => uuid().primaryKey().defaultRandom();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const at = () => timestamp({ withTimezone: true });

/** Integer minor units (cents); always paired with `currency()`. */
export const amountMinor = () => bigint({ mode: "number" });
/** ISO 4217, upper case. */
export const currency = () => char({ length: 3 });

/**
 * An index column in newest-first order, exactly as `ORDER BY x DESC` reads it. drizzle-kit writes
 * a bare `.desc()` as `DESC NULLS LAST`, which Postgres cannot use for `ORDER BY x DESC` (that is
 * NULLS FIRST): it would read every row of the range and sort them instead of stopping at the page.
 */
export const newestFirst = (column: ExtraConfigColumn) => column.desc().nullsFirst();
