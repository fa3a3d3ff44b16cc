/**
 * A statement timeout of a route's own, for long operations (an export, an import). The server's
 * connections carry STATEMENT_TIMEOUT_MS (db/client.ts); a route that names another runs its
 * handler in a transaction that sets it with `SET LOCAL`, which lasts until that transaction ends,
 * so the pooled connection goes back with the default. A longer limit lets a slow statement
 * finish, a shorter one cuts it off sooner; either way a cancelled statement is a 503 with
 * Retry-After (lib/errors.ts). PGlite runs in-process and has no timer to cancel with: there the
 * limit is set and ignored.
 *
 * The handler's reads see one snapshot and its writes commit together. The transaction ends when
 * the handler returns, so a handler streams a response only from rows it has already read.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export function checkStatementTimeout(ms: number): number {
  if (!Number.isSafeInteger(ms) || ms < 1)
    throw new Error(`A statement timeout is a whole number of ms >= 1, not ${ms}`);
  return ms;
}

export function withStatementTimeout<T>(db: Database, ms: number, run: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // set_config(..., true) is SET LOCAL with a bound value (SET itself takes no parameters).
    await tx.execute(sql`select set_config('statement_timeout', ${String(ms)}, true)`);
    return run(tx);
  });
}
