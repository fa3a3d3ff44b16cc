/**
 * How TypeScript field names map to columns (firstName -> first_name). The drivers (db/client.ts)
 * and the dialect that renders prepared statements (db/prepared.ts) must agree on it, or a
 * prepared statement would name columns that do not exist.
 */
import type { Casing } from "drizzle-orm";

export const CASING: Casing = "snake_case";
