/** Column helpers shared by every table: unguessable ids, UTC times, money in minor units. */
import { bigint, char, timestamp, uuid } from "drizzle-orm/pg-core";

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
