/** Emails compare case-insensitively, as `lower(email)`: the very expression users_email_lower_key indexes. */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export function emailMatches(column: AnyPgColumn, email: string): SQL {
  return sql`lower(${column}) = lower(${email})`;
}
